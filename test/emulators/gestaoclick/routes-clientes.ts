import type { EmuRequest, Router } from '../common/http';
import { parseCliente } from './clientes-input';
import { clienteFilter, clienteView } from './clientes-view';
import type { Ctx } from './context';
import { notFound } from './errors';
import type { Guard } from './guard';
import type { ClienteRecord } from './model';
import { pageOf, readPage, sortViews } from './paging';
import { ok, okList } from './reply';
import { parseId } from './values';

export function clienteParam(ctx: Ctx, raw: string): ClienteRecord {
  const id = parseId(raw);
  const rec = id === undefined ? undefined : ctx.clientes.get(id);
  if (!rec) throw notFound('Cliente');
  return rec;
}

function list(ctx: Ctx, req: EmuRequest) {
  const page = readPage(req.query);
  const views = sortViews(ctx.clientes.all().filter(clienteFilter(req.query)).map(clienteView), req.query);
  const { items, meta } = pageOf(views, page, 'clientes', req.query, 'registros');
  return okList(meta, items);
}

function create(ctx: Ctx, req: EmuRequest) {
  const stamp = ctx.now();
  const rec = ctx.clientes.insert({ ...parseCliente(req.body), cadastrado_em: stamp, modificado_em: stamp });
  return ok(clienteView(rec));
}

function update(ctx: Ctx, req: EmuRequest) {
  const existing = clienteParam(ctx, req.params.id);
  const rec = ctx.clientes.replace({ ...existing, ...parseCliente(req.body, existing), modificado_em: ctx.now() });
  return ok(clienteView(rec));
}

function remove(ctx: Ctx, req: EmuRequest) {
  ctx.clientes.delete(clienteParam(ctx, req.params.id).id);
  return ok('Cliente excluido com sucesso');
}

/** `/clientes`: list, create (200, not 201), view, edit, delete. */
export function registerClientes(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  const base = `${prefix}/clientes`;
  router
    .on('GET', base, guard((req) => list(ctx, req)))
    .on('POST', base, guard((req) => create(ctx, req)))
    .on('GET', `${base}/:id`, guard((req) => ok(clienteView(clienteParam(ctx, req.params.id)))))
    .on('PUT', `${base}/:id`, guard((req) => update(ctx, req)))
    .on('DELETE', `${base}/:id`, guard((req) => remove(ctx, req)));
}
