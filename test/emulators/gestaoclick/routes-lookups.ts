import type { Router } from '../common/http';
import type { Ctx } from './context';
import type { Guard } from './guard';
import { pageOf, readPage } from './paging';
import { okList } from './reply';

/** Read-only account lists the sync needs: sale statuses (`/situacoes_vendas`) and payment methods (`/formas_pagamentos`). */
export function registerLookups(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  router.on(
    'GET',
    `${prefix}/situacoes_vendas`,
    guard((req) => {
      const views = ctx.settings.situacoesVendas.map((s) => ({ id: String(s.id), nome: s.nome, padrao: s.padrao, tipo_lancamento: String(s.tipo_lancamento) }));
      const { items, meta } = pageOf(views, readPage(req.query), 'situacoes_vendas', req.query, 'situacoes');
      return okList(meta, items);
    }),
  );
  router.on(
    'GET',
    `${prefix}/formas_pagamentos`,
    guard((req) => {
      const views = ctx.settings.formasPagamento.map((f) => ({ id: String(f.id), nome: f.nome }));
      const { items, meta } = pageOf(views, readPage(req.query), 'formas_pagamentos', req.query, 'registros');
      return okList(meta, items);
    }),
  );
}
