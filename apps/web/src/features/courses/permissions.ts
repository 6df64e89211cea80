// Who authors and who reviews courses (features/courses/authoring-permissions.ts).
export * from './authoring-permissions';
