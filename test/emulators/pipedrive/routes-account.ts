import type { EmuRequest, Router } from '../common/http';
import type { Ctx } from './context';
import { ApiError, notFound } from './errors';
import type { Guard } from './guard';
import { entityKinds, type AnyRecord, type EntityKind, type User } from './model';
import { cursorPage, offsetPage } from './paging';
import { ok } from './reply';
import { formatV1, formatV2, parseV1 } from './time';
import { toV1 } from './view-v1';

/** Users (the connected user and company), pipelines, stages and recents. */
export function registerAccount(router: Router, ctx: Ctx, guard: Guard, v1: string[], v2: string, startedAt: number): void {
  for (const prefix of v1) {
    router
      .on('GET', `${prefix}/users/me`, guard(() => ok(me(ctx))))
      .on('GET', `${prefix}/users`, guard(() => ok(ctx.users.map((u) => userV1(ctx, u, u.id === ctx.users[0].id)))))
      .on('GET', `${prefix}/users/:id`, guard((req) => ok(userV1(ctx, userParam(ctx, req), Number(req.params.id) === ctx.users[0].id))))
      .on('GET', `${prefix}/pipelines`, guard(() => ok(ctx.pipelines.map((p) => pipelineV1(p, startedAt)))))
      .on('GET', `${prefix}/stages`, guard((req) => ok(stagesOf(ctx, req).map((s) => stageV1(ctx, s, startedAt)))))
      .on('GET', `${prefix}/recents`, guard((req) => recents(ctx, req)));
  }
  router
    .on('GET', `${v2}/pipelines`, guard((req) => cursorOk(ctx.pipelines.map((p) => pipelineV2(p, startedAt)), req)))
    .on('GET', `${v2}/stages`, guard((req) => cursorOk(stagesOf(ctx, req).map((s) => stageV2(s, startedAt)), req)));
}

function cursorOk<T extends { id: number }>(items: T[], req: EmuRequest) {
  const page = cursorPage(items, req.query, (x) => x.id, 'asc');
  return ok(page.items, { additional_data: { next_cursor: page.next_cursor } });
}

function userParam(ctx: Ctx, req: EmuRequest): User {
  const user = ctx.users.find((u) => u.id === Number(req.params.id));
  if (!user) throw notFound('User');
  return user;
}

function userV1(ctx: Ctx, u: User, isYou: boolean) {
  return {
    id: u.id,
    name: u.name,
    default_currency: ctx.company.currency,
    locale: 'en_US',
    lang: 1,
    email: u.email,
    phone: null,
    activated: true,
    last_login: formatV1(ctx.now()),
    created: '2024-01-01 00:00:00',
    modified: null,
    has_created_company: u.id === ctx.users[0].id,
    access: [{ app: 'sales', admin: true, permission_set_id: 'emulator-admin' }],
    active_flag: true,
    timezone_name: 'UTC',
    timezone_offset: '+00:00',
    role_id: 1,
    icon_url: null,
    is_you: isYou,
    is_deleted: false,
  };
}

/** /users/me: the token's user plus the company, which is how clients learn company_domain. */
function me(ctx: Ctx) {
  return {
    ...userV1(ctx, ctx.users[0], true),
    company_id: ctx.company.id,
    company_name: ctx.company.name,
    company_domain: ctx.company.domain,
    company_country: ctx.company.country,
    company_industry: null,
    language: { language_code: 'en', country_code: 'US' },
  };
}

function stagesOf(ctx: Ctx, req: EmuRequest) {
  const pipeline = req.query.get('pipeline_id');
  return ctx.stages.filter((s) => !pipeline || s.pipeline_id === Number(pipeline));
}

const pipelineV1 = (p: Ctx['pipelines'][number], t: number) => ({
  id: p.id,
  name: p.name,
  url_title: p.name.toLowerCase().replace(/\W+/g, '-'),
  order_nr: p.order_nr,
  active: true,
  deal_probability: true,
  add_time: formatV1(t),
  update_time: formatV1(t),
  selected: p.order_nr === 1,
});

const pipelineV2 = (p: Ctx['pipelines'][number], t: number) => ({
  id: p.id,
  name: p.name,
  order_nr: p.order_nr,
  is_deleted: false,
  is_deal_probability_enabled: true,
  add_time: formatV2(t),
  update_time: formatV2(t),
  is_selected: p.order_nr === 1,
});

const stageV1 = (ctx: Ctx, s: Ctx['stages'][number], t: number) => ({
  id: s.id,
  order_nr: s.order_nr,
  name: s.name,
  active_flag: true,
  deal_probability: s.deal_probability,
  pipeline_id: s.pipeline_id,
  rotten_flag: false,
  rotten_days: null,
  add_time: formatV1(t),
  update_time: formatV1(t),
  pipeline_name: ctx.pipelines.find((p) => p.id === s.pipeline_id)?.name ?? null,
  pipeline_deal_probability: true,
});

const stageV2 = (s: Ctx['stages'][number], t: number) => ({
  id: s.id,
  order_nr: s.order_nr,
  name: s.name,
  is_deleted: false,
  deal_probability: s.deal_probability,
  pipeline_id: s.pipeline_id,
  is_deal_rot_enabled: false,
  days_to_rotten: null,
  add_time: formatV2(t),
  update_time: formatV2(t),
});

/**
 * /v1/recents: persons, organizations and deals changed at or after since_timestamp, oldest
 * first. Deleted items are included (marked deleted), which is how this emulator exposes deletions.
 */
function recents(ctx: Ctx, req: EmuRequest) {
  const raw = req.query.get('since_timestamp');
  const since = raw === null ? undefined : parseV1(raw);
  if (since === undefined) throw new ApiError(400, 'since_timestamp is required in format YYYY-MM-DD HH:MM:SS');
  const wanted = req.query.get('items')?.split(',').map((s) => s.trim());
  const changed: { kind: EntityKind; rec: AnyRecord }[] = [];
  for (const kind of entityKinds) {
    if (wanted && !wanted.includes(kind)) continue;
    for (const rec of ctx.store.all(kind)) if (rec.update_time >= since) changed.push({ kind, rec });
  }
  changed.sort((a, b) => a.rec.update_time - b.rec.update_time || a.rec.id - b.rec.id);
  const page = offsetPage(changed, req.query);
  const last = page.items[page.items.length - 1];
  return ok(
    page.items.map(({ kind, rec }) => ({ item: kind, id: rec.id, data: toV1(ctx, kind, rec) })),
    { additional_data: { since_timestamp: raw, last_timestamp_on_page: last ? formatV1(last.rec.update_time) : null, pagination: page.pagination } },
  );
}
