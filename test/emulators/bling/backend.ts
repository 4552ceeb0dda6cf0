import type { EmulatorBackend } from '../common/server';
import { Router } from '../common/http';
import type { BackendOptions } from '../index';
import { contatoDetail } from './contatos-view';
import { FIRST_IDS, type Ctx } from './context';
import { notFound, serverErrorReply, tooManyRequestsReply } from './errors';
import { createGuard, type Guard } from './guard';
import { pedidoDetail } from './pedidos-view';
import { RateLimiter, type RateLimits } from '../common/fixed-rate-limit';
import { registerContatos } from './routes-contatos';
import { OAUTH_PREFIX, registerOAuth } from './routes-oauth';
import { registerPedidos, registerSituacoes } from './routes-pedidos';
import { applySeedRecords, parseSeed } from './seed';
import { resolveSettings } from './settings';
import { Table } from '../common/table';
import { formatLocal } from '../common/brasilia-time';
import { DEFAULT_ACCESS_TTL_SECONDS, TokenRegistry } from './tokens';

export interface BlingOptions extends BackendOptions {
  /** Clock for timestamps, token expiry and rate limits (tests move it forward). */
  now?: () => number;
  /** Over the seed file's and the documented 3/s, 120,000/day. */
  rateLimits?: Partial<RateLimits>;
}

/** Bling API v3; the same path on api.bling.com.br (current docs) and www.bling.com.br (older docs and clients). */
const API_PREFIX = '/Api/v3';

function inspect(ctx: Ctx, objectName: string): unknown[] | undefined {
  const stamps = (r: { incluidoEm: number; alteradoEm: number }) => ({ dataInclusao: formatLocal(r.incluidoEm), dataAlteracao: formatLocal(r.alteradoEm) });
  switch (objectName.toLowerCase()) {
    case 'contatos':
      return ctx.contatos.all().map((r) => ({ ...contatoDetail(r), ...stamps(r) }));
    case 'pedidos':
    case 'pedidosvendas':
      return ctx.pedidos.all().map((r) => ({ ...pedidoDetail(ctx, r), ...stamps(r) }));
    default:
      return undefined;
  }
}

function sequence(first: number): () => number {
  let next = first;
  return () => next++;
}

export function createBlingBackend(opts: BlingOptions = {}): EmulatorBackend {
  const now = opts.now ?? Date.now;
  const seed = parseSeed(opts.seed);
  const settings = resolveSettings(seed, opts.rateLimits);
  const ctx: Ctx = {
    contatos: new Table(FIRST_IDS.contato),
    pedidos: new Table(FIRST_IDS.pedido),
    settings,
    now,
    nextItemId: sequence(FIRST_IDS.item),
    nextParcelaId: sequence(FIRST_IDS.parcela),
  };
  applySeedRecords(ctx, seed);

  const tokens = new TokenRegistry(now, new Set(opts.token ? [opts.token] : []), opts.tokenTtlSeconds ?? DEFAULT_ACCESS_TTL_SECONDS);
  const limiter = new RateLimiter(settings.rateLimits, now);
  const guard = createGuard(tokens, limiter);
  const router = new Router();
  registerOAuth(router, { tokens, clients: settings.oauthClients, autoApprove: opts.autoApprove ?? false, accountName: settings.accountName });
  registerContatos(router, ctx, guard, API_PREFIX);
  registerPedidos(router, ctx, guard, API_PREFIX);
  registerSituacoes(router, ctx, guard, API_PREFIX);
  registerUnknownPaths(router, guard);

  return {
    router,
    records: (objectName) => inspect(ctx, objectName),
    reset() {
      ctx.contatos.reset();
      ctx.pedidos.reset();
      limiter.reset();
    },
    expireTokens: () => tokens.expireAll(),
    rateLimitedReply: () => tooManyRequestsReply(settings.rateLimits.perSecond, 'second'),
    serverErrorReply: (_req, status) => serverErrorReply(status),
    isFaultExempt: (path) => path.startsWith(`${OAUTH_PREFIX}/authorize`),
  };
}

/** Unknown API paths: authenticated first, then Bling's RESOURCE_NOT_FOUND. */
function registerUnknownPaths(router: Router, guard: Guard): void {
  const unknown = guard(() => {
    throw notFound();
  });
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) router.on(method, `${API_PREFIX}/*`, unknown);
}
