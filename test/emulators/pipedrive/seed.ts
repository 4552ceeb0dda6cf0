import { z } from 'zod';
import type { Ctx } from './context';
import { parseCustomV2 } from './custom-values';
import { newRecord } from './defaults';
import type { FieldDef } from './fields';
import type { ContactPoint, CustomValue, EntityKind } from './model';

const rule = z.object({ limit: z.number().int().positive(), windowSeconds: z.number().positive() });
const time = z.string().refine((s) => !Number.isNaN(parseSeedTime(s)), 'expected YYYY-MM-DD HH:MM:SS (UTC) or an ISO 8601 time');
const contact = z.union([z.string(), z.object({ value: z.string(), primary: z.boolean().optional(), label: z.string().optional() })]);
const custom = z.record(z.string(), z.unknown());
const fieldDef = z.object({ name: z.string().min(1), field_type: z.string(), options: z.array(z.string()).optional(), key: z.string().optional() });
const common = {
  id: z.number().int().positive().optional(),
  owner_id: z.number().int().optional(),
  add_time: time.optional(),
  update_time: time.optional(),
  deleted: z.boolean().optional(),
  custom: custom.optional(),
};

/** The seed file: account settings, extra custom fields and the records to start with. */
export const SeedSchema = z
  .object({
    company: z.object({ id: z.number().int(), name: z.string(), domain: z.string(), country: z.string(), currency: z.string().length(3) }).partial().optional(),
    users: z.array(z.object({ id: z.number().int().positive(), name: z.string(), email: z.string() })).min(1).optional(),
    rateLimits: z.object({ apiToken: rule, oauth: rule, search: rule }).partial().optional(),
    oauthClients: z.array(z.object({ client_id: z.string().min(1), client_secret: z.string().min(1), redirect_uris: z.array(z.string()).optional() })).optional(),
    fields: z.object({ persons: z.array(fieldDef), organizations: z.array(fieldDef), deals: z.array(fieldDef) }).partial().optional(),
    organizations: z.array(z.object({ ...common, name: z.string().min(1), address: z.string().optional() }).strict()).optional(),
    persons: z
      .array(
        z
          .object({
            ...common,
            name: z.string().min(1),
            first_name: z.string().optional(),
            last_name: z.string().optional(),
            org_id: z.number().int().optional(),
            emails: z.array(contact).optional(),
            phones: z.array(contact).optional(),
            marketing_status: z.enum(['no_consent', 'unsubscribed', 'subscribed', 'archived']).optional(),
          })
          .strict(),
      )
      .optional(),
    deals: z
      .array(
        z
          .object({
            ...common,
            title: z.string().min(1),
            value: z.number().optional(),
            currency: z.string().length(3).optional(),
            person_id: z.number().int().optional(),
            org_id: z.number().int().optional(),
            stage_id: z.number().int().optional(),
            status: z.enum(['open', 'won', 'lost']).optional(),
            lost_reason: z.string().optional(),
            expected_close_date: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type Seed = z.infer<typeof SeedSchema>;

export function parseSeed(raw: unknown): Seed {
  if (raw === undefined) return {};
  const parsed = SeedSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid Pipedrive seed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function parseSeedTime(s: string): number {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? s.replace(' ', 'T') + 'Z' : s;
  return Date.parse(iso);
}

/** Seed values may name enum/set options by label and give monetary values as plain numbers. */
function seedValue(ctx: Ctx, field: FieldDef, raw: unknown): CustomValue {
  const byLabel = (v: unknown) => (typeof v === 'string' ? (field.options?.find((o) => o.label === v)?.id ?? v) : v);
  if (field.field_type === 'enum') return parseCustomV2(field, byLabel(raw));
  if (field.field_type === 'set') return parseCustomV2(field, Array.isArray(raw) ? raw.map(byLabel) : raw);
  if (field.field_type === 'monetary' && typeof raw === 'number') return { value: raw, currency: ctx.company.currency };
  return parseCustomV2(field, raw);
}

function seedCustom(ctx: Ctx, kind: EntityKind, values: Record<string, unknown> | undefined): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const [keyOrName, raw] of Object.entries(values ?? {})) {
    const field = ctx.fields.customByKeyOrName(kind, keyOrName);
    if (!field) throw new Error(`invalid Pipedrive seed: no ${kind} custom field "${keyOrName}"`);
    out[field.key] = seedValue(ctx, field, raw);
  }
  return out;
}

const points = (list: z.infer<typeof contact>[] | undefined): ContactPoint[] =>
  (list ?? []).map((c, i) => (typeof c === 'string' ? { value: c, primary: i === 0, label: 'work' } : { value: c.value, primary: c.primary ?? i === 0, label: c.label ?? 'work' }));

/** Custom fields declared by the seed, added to the default ones. */
export function applySeedFields(ctx: Ctx, seed: Seed): void {
  const byPath: [EntityKind, z.infer<typeof fieldDef>[] | undefined][] = [
    ['person', seed.fields?.persons],
    ['organization', seed.fields?.organizations],
    ['deal', seed.fields?.deals],
  ];
  for (const [kind, defs] of byPath) for (const def of defs ?? []) ctx.fields.addCustom(kind, def);
}

function checkLinks(ctx: Ctx, what: string, links: { owner_id?: number; org_id?: number; person_id?: number }): void {
  const bad = (m: string) => new Error(`invalid Pipedrive seed: ${what} ${m}`);
  if (links.owner_id !== undefined && !ctx.users.some((u) => u.id === links.owner_id)) throw bad(`has unknown owner_id ${links.owner_id}`);
  if (links.org_id !== undefined && !ctx.store.get('organization', links.org_id)) throw bad(`links missing organization ${links.org_id}`);
  if (links.person_id !== undefined && !ctx.store.get('person', links.person_id)) throw bad(`links missing person ${links.person_id}`);
}

/** Organizations first, then persons, then deals, so links resolve. */
export function applySeedRecords(ctx: Ctx, seed: Seed): void {
  const stamp = ctx.store.stamp();
  const times = (r: { add_time?: string; update_time?: string; deleted?: boolean }) => {
    const add = r.add_time ? parseSeedTime(r.add_time) : stamp;
    const update = r.update_time ? parseSeedTime(r.update_time) : add;
    return { add_time: add, update_time: update, delete_time: r.deleted ? update : null };
  };
  for (const o of seed.organizations ?? []) {
    checkLinks(ctx, `organization "${o.name}"`, o);
    const { custom: c, address, deleted, add_time, update_time, ...rest } = o;
    const base = newRecord(ctx, 'organization', { ...rest, address: address ? { value: address } : null, custom: seedCustom(ctx, 'organization', c) });
    ctx.store.insert('organization', { ...base, ...times({ add_time, update_time, deleted }), id: o.id });
  }
  for (const p of seed.persons ?? []) {
    checkLinks(ctx, `person "${p.name}"`, p);
    const { custom: c, emails, phones, deleted, add_time, update_time, ...rest } = p;
    const [first, ...others] = p.name.split(/\s+/);
    const base = newRecord(ctx, 'person', {
      first_name: first,
      last_name: others.join(' ') || null,
      ...rest,
      emails: points(emails),
      phones: points(phones),
      custom: seedCustom(ctx, 'person', c),
    });
    ctx.store.insert('person', { ...base, ...times({ add_time, update_time, deleted }), id: p.id });
  }
  for (const d of seed.deals ?? []) {
    checkLinks(ctx, `deal "${d.title}"`, d);
    const { custom: c, deleted, add_time, update_time, stage_id, ...rest } = d;
    const stage = ctx.stages.find((s) => s.id === (stage_id ?? ctx.stages[0].id));
    if (!stage) throw new Error(`invalid Pipedrive seed: no stage ${stage_id}`);
    const t = times({ add_time, update_time, deleted });
    const closed = d.status === 'won' || d.status === 'lost' ? t.update_time : null;
    const base = newRecord(ctx, 'deal', {
      ...rest,
      stage_id: stage.id,
      pipeline_id: stage.pipeline_id,
      won_time: d.status === 'won' ? closed : null,
      lost_time: d.status === 'lost' ? closed : null,
      close_time: closed,
      custom: seedCustom(ctx, 'deal', c),
    });
    ctx.store.insert('deal', { ...base, ...t, id: d.id });
  }
}
