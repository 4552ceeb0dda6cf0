import type { EmulatorBackend } from '../common/server';
import { Router } from '../common/http';
import type { BackendOptions } from '../index';
import { clienteView } from './clientes-view';
import type { Ctx } from './context';
import { errorReply, notFound } from './errors';
import { createGuard, rateLimitedReply, type Guard } from './guard';
import type { ClienteRecord, ProdutoRecord, VendaRecord } from './model';
import { produtoView } from './produtos';
import { RateLimiter, type RateLimits } from '../common/fixed-rate-limit';
import { registerClientes } from './routes-clientes';
import { registerLookups } from './routes-lookups';
import { registerProdutos } from './routes-produtos';
import { registerVendas } from './routes-vendas';
import { applySeedRecords, parseSeed } from './seed';
import { resolveSettings } from './settings';
import { Table } from '../common/table';
import { formatLocal } from '../common/brasilia-time';
import { vendaView } from './vendas-view';

export interface GestaoClickOptions extends BackendOptions {
  /** Clock for timestamps and rate limits (tests move it forward). */
  now?: () => number;
  /** Over the seed file's and the documented 3/s, 30,000/day. */
  rateLimits?: Partial<RateLimits>;
}

/** The documented paths are `/api/<resource>`; older clients call `/<resource>` on the legacy host. */
const PREFIXES = ['/api', ''];

function inspect(ctx: Ctx, objectName: string): unknown[] | undefined {
  const stamps = (r: { cadastrado_em: number; modificado_em: number }) => ({ cadastrado_em: formatLocal(r.cadastrado_em), modificado_em: formatLocal(r.modificado_em) });
  switch (objectName.toLowerCase()) {
    case 'clientes':
      return ctx.clientes.all().map((r: ClienteRecord) => ({ ...clienteView(r), ...stamps(r) }));
    case 'vendas':
      return ctx.vendas.all().map((r: VendaRecord) => ({ ...vendaView(ctx, r), tipo: r.tipo, ...stamps(r) }));
    case 'produtos':
      return ctx.produtos.all().map((r: ProdutoRecord) => produtoView(r));
    default:
      return undefined;
  }
}

export function createGestaoClickBackend(opts: GestaoClickOptions = {}): EmulatorBackend {
  if (Boolean(opts.token) !== Boolean(opts.secret)) {
    throw new Error('GestãoClick needs both --token (access-token) and --secret (secret-access-token), or neither');
  }
  const now = opts.now ?? Date.now;
  const seed = parseSeed(opts.seed);
  const settings = resolveSettings(seed, opts.rateLimits);
  const ctx: Ctx = { clientes: new Table(), produtos: new Table(), vendas: new Table(), settings, now };
  applySeedRecords(ctx, seed);

  const limiter = new RateLimiter(settings.rateLimits, now);
  const credentials = opts.token && opts.secret ? { accessToken: opts.token, secretAccessToken: opts.secret } : undefined;
  const guard = createGuard(credentials, limiter);
  const router = new Router();
  for (const prefix of PREFIXES) {
    registerClientes(router, ctx, guard, prefix);
    registerVendas(router, ctx, guard, prefix);
    registerProdutos(router, ctx, guard, prefix);
    registerLookups(router, ctx, guard, prefix);
  }
  registerUnknownPaths(router, guard);

  return {
    router,
    records: (objectName) => inspect(ctx, objectName),
    reset() {
      ctx.clientes.reset();
      ctx.produtos.reset();
      ctx.vendas.reset();
      limiter.reset();
    },
    // Static tokens: nothing expires.
    expireTokens: () => undefined,
    rateLimitedReply: () => rateLimitedReply(),
    serverErrorReply: (_req, status) => errorReply(status, status === 503 ? 'Serviço indisponível' : 'Erro interno do servidor'),
  };
}

/** Any other path: authenticated first, then a 404 in the same envelope. */
function registerUnknownPaths(router: Router, guard: Guard): void {
  const unknown = guard(() => {
    throw notFound('Recurso');
  });
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) router.on(method, '/*', unknown);
}
