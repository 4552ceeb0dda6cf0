import { z } from 'zod';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type ConnectedApp } from './auth';
import { formatDateTime, parseDate, parseDateTime } from './dates';
import type { Dml } from './dml';
import { DmlFailure } from './errors';
import { FieldSpecSchema, ObjectSpecSchema } from './metadata/types';
import type { Org } from './org';
import { PermissionsSchema } from './permissions';

/** The seed file (`--seed FILE`): extra metadata, connected apps, limits and records. See README.md. */
export const SeedSchema = z
  .object({
    org: z
      .object({ username: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() })
      .partial()
      .optional(),
    connectedApps: z
      .array(
        z.object({
          clientId: z.string().min(1),
          clientSecret: z.string().optional(),
          redirectUris: z.array(z.string()).optional(),
          requireSecret: z.boolean().optional(),
          requirePkce: z.boolean().optional(),
        }),
      )
      .optional(),
    limits: z.object({ dailyApiRequests: z.number().int().positive().optional(), apiRequestsUsed: z.number().int().min(0).optional() }).optional(),
    latestApiVersion: z.string().regex(/^\d+\.0$/).optional(),
    objects: z.array(ObjectSpecSchema).optional(),
    fields: z.record(z.string(), z.array(FieldSpecSchema)).optional(),
    records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
    /** The API user's profile, applied after the records load (see permissions.ts). */
    permissions: PermissionsSchema.optional(),
  })
  .strict();
export type Seed = z.infer<typeof SeedSchema>;

export function parseSeed(raw: unknown): Seed {
  if (raw === undefined || raw === null) return {};
  const parsed = SeedSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid Salesforce seed: ${parsed.error.message}`);
  return parsed.data;
}

/** The default connected app is always trusted; seed apps add to it (or replace it by reusing its client id). */
export function connectedApps(seed: Seed): ConnectedApp[] {
  const extra = seed.connectedApps ?? [];
  const defaults = extra.some((a) => a.clientId === DEFAULT_CLIENT_ID) ? [] : [{ clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET }];
  return [...defaults, ...extra];
}

const AUDIT_FIELDS = ['CreatedDate', 'LastModifiedDate', 'SystemModstamp'];

function stampValue(v: unknown): string {
  const ms = typeof v === 'string' ? (parseDateTime(v) ?? parseDate(v)) : undefined;
  if (ms === undefined) throw new Error(`Seed audit date ${String(v)} is not an ISO date/datetime`);
  return formatDateTime(ms);
}

/**
 * Inserts seed records in file order through normal DML (so they are validated). `"@ref": "name"`
 * names a record; a string value `"@name"` elsewhere becomes that record's Id. Audit dates and
 * `IsDeleted: true` may be given to shape history for incremental-sync tests.
 */
export function loadSeedRecords(org: Org, dml: Dml, seed: Seed): void {
  const refs = new Map<string, string>();
  for (const [objectName, rows] of Object.entries(seed.records ?? {})) {
    const obj = org.schema.get(objectName);
    if (!obj) throw new Error(`Seed records for unknown object ${objectName}`);
    rows.forEach((row, i) => {
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) {
        if (k === '@ref' || k === 'IsDeleted' || AUDIT_FIELDS.includes(k)) continue;
        input[k] = typeof v === 'string' && v.startsWith('@') && refs.has(v.slice(1)) ? refs.get(v.slice(1)) : v;
      }
      let id: string;
      try {
        id = dml.create(obj, input).Id as string;
      } catch (err) {
        const detail = err instanceof DmlFailure ? err.message : String(err);
        throw new Error(`Seed record ${objectName}[${i}] rejected: ${detail}`);
      }
      if (typeof row['@ref'] === 'string') refs.set(row['@ref'], id);
      const stamps = Object.fromEntries(AUDIT_FIELDS.filter((f) => row[f] !== undefined).map((f) => [f, stampValue(row[f])]));
      if (Object.keys(stamps).length) org.store.put(obj.name, { ...org.store.get(obj.name, id), ...stamps });
      if (row.IsDeleted === true) dml.delete(id, obj);
    });
  }
}
