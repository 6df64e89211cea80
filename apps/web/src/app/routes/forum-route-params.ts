import {
  AUDIT_ACTIONS,
  FLAG_STATUSES,
  THEMES,
  type AuditAction,
  type FlagStatus,
  type Theme,
} from '@twinning/contracts';

/** Values read from the address are checked against the fixed lists before they reach a query. */

export function isTheme(value: string | null): value is Theme {
  return value !== null && (THEMES as readonly string[]).includes(value);
}

export function isFlagStatus(value: string | null): value is FlagStatus {
  return value !== null && (FLAG_STATUSES as readonly string[]).includes(value);
}

export function isAuditAction(value: string | null): value is AuditAction {
  return value !== null && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** `?post=12` → 12; anything but a positive whole number → null. */
export function parsePostParam(value: string | null): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const seq = Number(value);
  return seq >= 1 ? seq : null;
}
