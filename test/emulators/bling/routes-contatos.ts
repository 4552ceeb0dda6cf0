import type { EmuReply, EmuRequest, Router } from '../common/http';
import { json } from '../common/http';
import { parseContato } from './contatos-input';
import { contatoDetail, contatoFilter, contatoListItem, wantsNewestFirst } from './contatos-view';
import type { Ctx } from './context';
import { badParameter, FIELD_CODES, fieldError, notFound, validationError } from './errors';
import type { Guard } from './guard';
import { situacoesContato, type ContatoRecord, type SituacaoContato } from './model';
import { page, readIds, readPage } from './query';
import { bodyObject } from './reader';

const noContent = (): EmuReply => ({ status: 204 });
const ok = (data: unknown, status = 200): EmuReply => json(status, { data });

export function contatoParam(ctx: Ctx, raw: string): ContatoRecord {
  const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const rec = ctx.contatos.get(id);
  if (!rec) throw notFound('contato');
  return rec;
}

function list(ctx: Ctx, req: EmuRequest) {
  const p = readPage(req.query);
  let recs = ctx.contatos.all().filter(contatoFilter(req.query));
  if (wantsNewestFirst(req.query)) recs = recs.reverse();
  return ok(page(recs, p).map(contatoListItem));
}

function create(ctx: Ctx, req: EmuRequest) {
  const stamp = ctx.now();
  const rec = ctx.contatos.insert({ ...parseContato(ctx, req.body), incluidoEm: stamp, alteradoEm: stamp });
  return ok({ id: rec.id }, 201);
}

function update(ctx: Ctx, req: EmuRequest) {
  const existing = contatoParam(ctx, req.params.id);
  ctx.contatos.replace({ ...parseContato(ctx, req.body, existing), id: existing.id, incluidoEm: existing.incluidoEm, alteradoEm: ctx.now() });
  return noContent();
}

/** Deleting moves a contact to situação E (still readable, listed with criterio=2); deleting it again removes it. */
function softDelete(ctx: Ctx, rec: ContatoRecord): void {
  if (rec.situacao === 'E') ctx.contatos.delete(rec.id);
  else ctx.contatos.replace({ ...rec, situacao: 'E', alteradoEm: ctx.now() });
}

function deleteMany(ctx: Ctx, req: EmuRequest) {
  const ids = readIds(req.query, 'idsContatos');
  if (!ids.length) throw badParameter('idsContatos[]', 'Informe ao menos um id em idsContatos[].');
  const missing = ids.filter((id) => !ctx.contatos.get(id));
  if (missing.length === ids.length) throw notFound('contato');
  for (const id of ids) {
    const rec = ctx.contatos.get(id);
    if (rec) softDelete(ctx, rec);
  }
  if (!missing.length) return noContent();
  const alert = fieldError(FIELD_CODES.notFound, 'Um ou mais contatos não foram encontrados.', 'idsContatos', 'CONTATOS');
  alert.collection = missing.map((id) => ({ index: ids.indexOf(id), code: FIELD_CODES.notFound, msg: `Contato ${id} não encontrado.`, element: 'idsContatos', namespace: 'CONTATOS' }));
  return ok({ alertas: [alert] });
}

function changeSituacao(ctx: Ctx, req: EmuRequest) {
  const rec = contatoParam(ctx, req.params.id);
  const situacao = bodyObject(req.body).situacao as SituacaoContato;
  if (!situacoesContato.includes(situacao)) {
    throw validationError([fieldError(FIELD_CODES.invalid, 'A situação deve ser A, E, I ou S.', 'situacao', 'CONTATOS')], 'Não foi possível alterar a situação do contato');
  }
  ctx.contatos.replace({ ...rec, situacao, alteradoEm: ctx.now() });
  return noContent();
}

/** `/contatos`: list, create (201 with the id), read, replace (204), delete (204), bulk delete, situação, tipos. */
export function registerContatos(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  const base = `${prefix}/contatos`;
  router
    .on('GET', `${base}/tipos`, guard(() => ok(ctx.settings.tiposContato)))
    .on('GET', base, guard((req) => list(ctx, req)))
    .on('POST', base, guard((req) => create(ctx, req)))
    .on('DELETE', base, guard((req) => deleteMany(ctx, req)))
    .on('GET', `${base}/:id`, guard((req) => ok(contatoDetail(contatoParam(ctx, req.params.id)))))
    .on('PUT', `${base}/:id`, guard((req) => update(ctx, req)))
    .on(
      'DELETE',
      `${base}/:id`,
      guard((req) => {
        softDelete(ctx, contatoParam(ctx, req.params.id));
        return noContent();
      }),
    )
    .on('PATCH', `${base}/:id/situacoes`, guard((req) => changeSituacao(ctx, req)))
    .on('GET', `${base}/:id/tipos`, guard((req) => ok(contatoParam(ctx, req.params.id).tiposContato)));
}
