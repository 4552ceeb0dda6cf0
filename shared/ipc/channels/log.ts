import { z } from 'zod';
import { channel } from '../define';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  connectionId: z.string().nullable(),
  object: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'error', 'info', 'warning']),
  summary: z.string(),
  detail: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z
  .object({
    limit: z.number().int().min(1).max(1000).default(200),
    beforeId: z.number().int().optional(),
    kind: z.string().max(64).optional(),
    outcome: AuditEntry.shape.outcome.optional(),
    search: z.string().max(200).optional(),
  })
  .strict();

export const logChannels = {
  'log:audit': channel(AuditQuery, z.object({ entries: z.array(AuditEntry), total: z.number().int() }), 'Audit log entries, newest first.'),
};
