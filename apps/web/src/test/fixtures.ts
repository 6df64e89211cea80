/** Small factories for API payloads, typed by the shared contracts: one file per area. */
export * from './fixtures/accounts';
export * from './fixtures/partnerships';
export * from './fixtures/forums';
export * from './fixtures/visits';
export * from './fixtures/training';
export * from './fixtures/courses-learner';
export * from './fixtures/course-authoring';
