import type { EmuRequest, Router } from '../common/http';
import type { Ctx } from './context';
import { notFound } from './errors';
import type { Guard } from './guard';
import type { ProdutoRecord } from './model';
import { pageOf, readPage, sortViews } from './paging';
import { parseProduto, produtoFilter, produtoView } from './produtos';
import { ok, okList } from './reply';
import { parseId } from './values';

/** Variation ids are their own sequence in GestãoClick; the emulator offsets them from the product id. */
export const VARIACAO_OFFSET = 1_000_000;

function produtoParam(ctx: Ctx, raw: string): ProdutoRecord {
  const id = parseId(raw);
  const rec = id === undefined ? undefined : ctx.produtos.get(id);
  if (!rec) throw notFound('Produto');
  return rec;
}

function list(ctx: Ctx, req: EmuRequest) {
  const views = sortViews(ctx.produtos.all().filter(produtoFilter(req.query)).map(produtoView), req.query);
  const { items, meta } = pageOf(views, readPage(req.query), 'produtos', req.query, 'produtos');
  return okList(meta, items);
}

export function insertProduto(ctx: Ctx, fields: ReturnType<typeof parseProduto> & { id?: number }): ProdutoRecord {
  const stamp = ctx.now();
  const rec = ctx.produtos.insert({ ...fields, variacao_id: 0, cadastrado_em: stamp, modificado_em: stamp });
  rec.variacao_id = VARIACAO_OFFSET + rec.id;
  return rec;
}

/** `/produtos`: the same five verbs; DELETE answers 200 with an empty body, as the documentation shows. */
export function registerProdutos(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  const base = `${prefix}/produtos`;
  router
    .on('GET', base, guard((req) => list(ctx, req)))
    .on('POST', base, guard((req) => ok(produtoView(insertProduto(ctx, parseProduto(req.body))))))
    .on('GET', `${base}/:id`, guard((req) => ok(produtoView(produtoParam(ctx, req.params.id)))))
    .on(
      'PUT',
      `${base}/:id`,
      guard((req) => {
        const existing = produtoParam(ctx, req.params.id);
        return ok(produtoView(ctx.produtos.replace({ ...existing, ...parseProduto(req.body, existing), modificado_em: ctx.now() })));
      }),
    )
    .on(
      'DELETE',
      `${base}/:id`,
      guard((req) => {
        ctx.produtos.delete(produtoParam(ctx, req.params.id).id);
        return { status: 200, body: '' };
      }),
    );
}
