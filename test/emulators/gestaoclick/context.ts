import type { ClienteRecord, ProdutoRecord, VendaRecord } from './model';
import type { Settings } from './settings';
import type { Table } from '../common/table';

/** What route handlers and views read: the records, the account settings and the clock. */
export interface Ctx {
  clientes: Table<ClienteRecord>;
  produtos: Table<ProdutoRecord>;
  vendas: Table<VendaRecord>;
  settings: Settings;
  now: () => number;
}
