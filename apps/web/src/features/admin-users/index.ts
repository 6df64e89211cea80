export { adminUserKeys } from './api/admin-users.keys';
export { searchUsers, useUsers, usersInfiniteQueryOptions } from './api/search-users';
export { useSetUserRole } from './api/set-user-role';
export { UserRoleManager } from './components/user-role-manager';
