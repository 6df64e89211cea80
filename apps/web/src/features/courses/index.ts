// Authoring, review and the trainer's dashboard (features/courses/authoring.ts).
export * from './authoring';
