import { randomBytes } from 'node:crypto';
import type { EmuRequest, Router } from '../common/http';
import type { Ctx } from './context';
import { notFound } from './errors';
import type { Guard } from './guard';
import type { VendaRecord } from './model';
import { pageOf, readPage, sortViews } from './paging';
import { ok, okList } from './reply';
import { parseId } from './values';
import { parseVenda } from './vendas-input';
import { vendaFilter, vendaView } from './vendas-view';

/** The short public hash of a sale (its shareable link), e.g. "wpQseRf". */
export const newHash = (): string => randomBytes(6).toString('base64url').slice(0, 7);

function vendaParam(ctx: Ctx, raw: string): VendaRecord {
  const id = parseId(raw);
  const rec = id === undefined ? undefined : ctx.vendas.get(id);
  if (!rec) throw notFound('Venda');
  return rec;
}

function list(ctx: Ctx, req: EmuRequest) {
  const page = readPage(req.query);
  const views = sortViews(ctx.vendas.all().filter(vendaFilter(ctx, req.query)).map((v) => vendaView(ctx, v)), req.query);
  const { items, meta } = pageOf(views, page, 'vendas', req.query, 'registros');
  return okList(meta, items);
}

function create(ctx: Ctx, req: EmuRequest) {
  const stamp = ctx.now();
  const rec = ctx.vendas.insert({ ...parseVenda(ctx, req.body), hash: newHash(), cadastrado_em: stamp, modificado_em: stamp });
  return ok(vendaView(ctx, rec));
}

function update(ctx: Ctx, req: EmuRequest) {
  const existing = vendaParam(ctx, req.params.id);
  const rec = ctx.vendas.replace({ ...existing, ...parseVenda(ctx, req.body, existing), modificado_em: ctx.now() });
  return ok(vendaView(ctx, rec));
}

/** `/vendas`: list, create (200), view, edit, delete. */
export function registerVendas(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  const base = `${prefix}/vendas`;
  router
    .on('GET', base, guard((req) => list(ctx, req)))
    .on('POST', base, guard((req) => create(ctx, req)))
    .on('GET', `${base}/:id`, guard((req) => ok(vendaView(ctx, vendaParam(ctx, req.params.id)))))
    .on('PUT', `${base}/:id`, guard((req) => update(ctx, req)))
    .on(
      'DELETE',
      `${base}/:id`,
      guard((req) => {
        ctx.vendas.delete(vendaParam(ctx, req.params.id).id);
        return ok('Venda excluida com sucesso');
      }),
    );
}
