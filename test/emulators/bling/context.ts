import type { ContatoRecord, PedidoRecord } from './model';
import type { Settings } from './settings';
import type { Table } from '../common/table';

/** Bling ids exceed 2^32 (e.g. 16842381880); each sequence starts high so clients never assume 32 bits. */
export const FIRST_IDS = { contato: 17_000_000_001, pedido: 18_000_000_001, item: 19_000_000_001, parcela: 20_000_000_001 };

/** What route handlers and views read: the records, the account settings and the clock. */
export interface Ctx {
  contatos: Table<ContatoRecord>;
  pedidos: Table<PedidoRecord>;
  settings: Settings;
  now: () => number;
  /** Ids for order lines and installments. */
  nextItemId: () => number;
  nextParcelaId: () => number;
}
