import { z } from 'zod';
import { channel } from '../define';

/** One thing the connected user may not do that a mapping needs, with the fix in its message. */
export const PermissionIssueView = z.object({
  /** error: a push is refused until it is fixed. warning: a switched-off mapping, or a skipped object. */
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  crmField: z.string().optional(),
});
export type PermissionIssueView = z.infer<typeof PermissionIssueView>;

export const PreflightObjectView = z.object({
  object: z.string(),
  label: z.string(),
  enabled: z.boolean(),
  issues: z.array(PermissionIssueView),
});
export type PreflightObjectView = z.infer<typeof PreflightObjectView>;

export const PreflightReport = z.object({
  connectionId: z.string(),
  provider: z.string(),
  providerName: z.string(),
  label: z.string(),
  checkedAt: z.string(),
  /** No error: a push is not refused for permissions. */
  ok: z.boolean(),
  /** The scopes the token carries, where the CRM grants access by scopes and says which; null otherwise. */
  grantedScopes: z.array(z.string()).nullable(),
  objects: z.array(PreflightObjectView),
  /** One line: what the check found. */
  message: z.string(),
});
export type PreflightReport = z.infer<typeof PreflightReport>;

export const preflightChannels = {
  'preflight:check': channel(
    z.object({ connectionId: z.string().min(1).max(64), refresh: z.boolean().optional() }).strict(),
    PreflightReport,
    'What the connected user may not do that the mappings need (object permissions, field-level security, scopes), with the fix; refresh reads the metadata again.',
  ),
};
