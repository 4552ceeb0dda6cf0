import { json, type EmuReply, type EmuRequest, type Router } from '../common/http';
import type { Ctx } from './context';
import { badParameter, FIELD_CODES, fieldError, notFound, validationError } from './errors';
import type { Guard } from './guard';
import type { PedidoRecord } from './model';
import { parsePedido } from './pedidos-input';
import { pedidoDetail, pedidoFilter, pedidoListItem } from './pedidos-view';
import { page, readIds, readPage } from './query';

const noContent = (): EmuReply => ({ status: 204 });
const ok = (data: unknown, status = 200): EmuReply => json(status, { data });

function pedidoParam(ctx: Ctx, raw: string): PedidoRecord {
  const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const rec = ctx.pedidos.get(id);
  if (!rec) throw notFound('pedido de venda');
  return rec;
}

function create(ctx: Ctx, req: EmuRequest) {
  const { fields, alertas } = parsePedido(ctx, req.body);
  const stamp = ctx.now();
  const rec = ctx.pedidos.insert({ ...fields, incluidoEm: stamp, alteradoEm: stamp });
  return ok({ id: rec.id, alertas }, 201);
}

function update(ctx: Ctx, req: EmuRequest) {
  const existing = pedidoParam(ctx, req.params.id);
  const { fields, alertas } = parsePedido(ctx, req.body, existing);
  ctx.pedidos.replace({ ...fields, id: existing.id, incluidoEm: existing.incluidoEm, alteradoEm: ctx.now() });
  return ok({ id: existing.id, alertas });
}

function deleteMany(ctx: Ctx, req: EmuRequest) {
  const ids = readIds(req.query, 'idsPedidosVendas');
  if (!ids.length) throw badParameter('idsPedidosVendas[]', 'Informe ao menos um id em idsPedidosVendas[].');
  const missing = ids.filter((id) => !ctx.pedidos.delete(id));
  if (missing.length === ids.length) throw notFound('pedido de venda');
  if (!missing.length) return noContent();
  const alert = fieldError(FIELD_CODES.notFound, 'Um ou mais pedidos não foram encontrados.', 'idsPedidosVendas', 'VENDAS');
  alert.collection = missing.map((id) => ({ index: ids.indexOf(id), code: FIELD_CODES.notFound, msg: `Pedido ${id} não encontrado.`, element: 'idsPedidosVendas', namespace: 'VENDAS' }));
  return ok({ alertas: [alert] });
}

function changeSituacao(ctx: Ctx, req: EmuRequest) {
  const rec = pedidoParam(ctx, req.params.id);
  const situacao = Number(req.params.idSituacao);
  if (!ctx.settings.situacoesVendas.some((s) => s.id === situacao)) {
    throw validationError([fieldError(FIELD_CODES.notFound, 'Situação não encontrada.', 'idSituacao', 'VENDAS')], 'Não foi possível alterar a situação da venda');
  }
  ctx.pedidos.replace({ ...rec, situacao: { id: situacao }, alteradoEm: ctx.now() });
  return noContent();
}

/** `/pedidos/vendas`: list, create (201), read, replace (200), delete (204), bulk delete, situação. */
export function registerPedidos(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  const base = `${prefix}/pedidos/vendas`;
  router
    .on('GET', base, guard((req) => ok(page(ctx.pedidos.all().filter(pedidoFilter(req.query)), readPage(req.query)).map((p) => pedidoListItem(ctx, p)))))
    .on('POST', base, guard((req) => create(ctx, req)))
    .on('DELETE', base, guard((req) => deleteMany(ctx, req)))
    .on('GET', `${base}/:id`, guard((req) => ok(pedidoDetail(ctx, pedidoParam(ctx, req.params.id)))))
    .on('PUT', `${base}/:id`, guard((req) => update(ctx, req)))
    .on(
      'DELETE',
      `${base}/:id`,
      guard((req) => {
        ctx.pedidos.delete(pedidoParam(ctx, req.params.id).id);
        return noContent();
      }),
    )
    .on('PATCH', `${base}/:id/situacoes/:idSituacao`, guard((req) => changeSituacao(ctx, req)));
}

/** `/situacoes/modulos` and `/situacoes/modulos/{id}`: where the account's sale-status ids come from. */
export function registerSituacoes(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  const modulo = ctx.settings.moduloVendas;
  router
    .on('GET', `${prefix}/situacoes/modulos`, guard(() => ok([modulo])))
    .on(
      'GET',
      `${prefix}/situacoes/modulos/:id`,
      guard((req) => {
        if (req.params.id !== String(modulo.id)) throw notFound('módulo');
        return ok(ctx.settings.situacoesVendas.map((s) => ({ id: s.id, nome: s.nome, idHerdado: 0, cor: s.cor })));
      }),
    );
}
