export { moderationKeys, type AuditFilters } from './api/moderation.keys';
export { flagsInfiniteQueryOptions, getFlags, useFlags } from './api/get-flags';
export { useResolveFlag } from './api/resolve-flag';
export { auditLogInfiniteQueryOptions, getAuditLog, useAuditLog } from './api/get-audit-log';
export { fetchAuditCsv, useDownloadAuditCsv } from './api/download-audit-csv';
export { canModerateForums, canReadAuditLog } from './permissions';
export { FlagQueue } from './components/flag-queue';
export { AuditLog } from './components/audit-log';
