import type { RateLimits } from '../common/fixed-rate-limit';

/** GestãoClick's documented limits: 3 requests per second and 30,000 per day, per company. */
export const defaultRateLimits: RateLimits = { perSecond: 3, perDay: 30_000 };

/** An account-specific sale status (`/situacoes_vendas`). */
export interface SituacaoVenda {
  id: number;
  nome: string;
  padrao: '0' | '1';
  /** 0 none, 1 stock and finance, 2 stock only, 3 finance only. */
  tipo_lancamento: 0 | 1 | 2 | 3;
}

export interface FormaPagamento {
  id: number;
  nome: string;
}

export interface Settings {
  loja: { id: number; nome: string };
  situacoesVendas: SituacaoVenda[];
  formasPagamento: FormaPagamento[];
  rateLimits: RateLimits;
}

/** Status ids are account-specific in GestãoClick; these come from the documentation's examples. */
export const defaultSituacoes: SituacaoVenda[] = [
  { id: 3149, nome: 'Em aberto', padrao: '1', tipo_lancamento: 0 },
  { id: 3150, nome: 'Confirmado', padrao: '0', tipo_lancamento: 1 },
  { id: 3151, nome: 'Em andamento', padrao: '0', tipo_lancamento: 0 },
  { id: 3152, nome: 'Cancelado', padrao: '0', tipo_lancamento: 0 },
];

export const defaultFormasPagamento: FormaPagamento[] = [
  { id: 640517, nome: 'Dinheiro à Vista' },
  { id: 579722, nome: 'Boleto' },
  { id: 579723, nome: 'Cartão de crédito' },
  { id: 579724, nome: 'PIX' },
];

export interface SettingsInput {
  loja?: { id: number; nome: string };
  situacoesVendas?: SituacaoVenda[];
  formasPagamento?: FormaPagamento[];
  rateLimits?: Partial<RateLimits>;
}

/** Defaults, then the seed file, then options given in code. */
export function resolveSettings(seed: SettingsInput, rateOverrides: Partial<RateLimits> = {}): Settings {
  return {
    loja: seed.loja ?? { id: 1, nome: 'Matriz' },
    situacoesVendas: seed.situacoesVendas ?? defaultSituacoes,
    formasPagamento: seed.formasPagamento ?? defaultFormasPagamento,
    rateLimits: { ...defaultRateLimits, ...seed.rateLimits, ...rateOverrides },
  };
}
