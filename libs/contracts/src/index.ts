export * from './errors';
export * from './domain';
export * from './pagination';
export * from './auth';
export * from './cities';
export * from './realtime';
