import type { TipoDesconto } from './model';
import { round2 } from './values';

interface Priced {
  quantidade: number;
  valor_venda: number;
  tipo_desconto: TipoDesconto;
  desconto_valor: number | null;
  desconto_porcentagem: number | null;
}

/** Quantity times price less the discount: an amount for 'R$', a percentage for '%'. */
export function itemTotal(item: Priced): number {
  const gross = item.quantidade * item.valor_venda;
  const off = item.tipo_desconto === '%' ? (gross * (item.desconto_porcentagem ?? 0)) / 100 : (item.desconto_valor ?? 0);
  return round2(gross - off);
}

export const vendaTotal = (produtos: number[], servicos: number[], frete: number): number =>
  round2([...produtos, ...servicos].reduce((a, b) => a + b, 0) + frete);
