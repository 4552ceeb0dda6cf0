import type { RateLimits } from '../common/fixed-rate-limit';
import type { OAuthClient } from './routes-oauth';

/** Bling's documented limits per account (all apps, all endpoints): 3 per second, 120,000 per day. */
export const defaultRateLimits: RateLimits = { perSecond: 3, perDay: 120_000 };

/** A sale status of the Vendas module; `valor` is the spec's sale-status value (0 open, 1 attended, 2 cancelled, 3 in progress). */
export interface SituacaoVenda {
  id: number;
  nome: string;
  valor: number;
  cor: string;
}

export interface Settings {
  accountName: string;
  /** The module `/situacoes/modulos` lists; its statuses are `situacoesVendas`, the first the default. */
  moduloVendas: { id: number; nome: string; descricao: string; criarSituacoes: boolean };
  situacoesVendas: SituacaoVenda[];
  tiposContato: { id: number; descricao: string }[];
  formasPagamento: { id: number; descricao: string }[];
  rateLimits: RateLimits;
  oauthClients: OAuthClient[];
}

/** Status ids are account-specific; these are the ones an account shows (community). */
export const defaultSituacoes: SituacaoVenda[] = [
  { id: 6, nome: 'Em aberto', valor: 0, cor: '#E9DC40' },
  { id: 9, nome: 'Atendido', valor: 1, cor: '#3FB57A' },
  { id: 12, nome: 'Cancelado', valor: 2, cor: '#FF0000' },
  { id: 15, nome: 'Em andamento', valor: 3, cor: '#2AB4E8' },
];

export interface SettingsInput {
  accountName?: string;
  situacoesVendas?: SituacaoVenda[];
  tiposContato?: { id: number; descricao: string }[];
  formasPagamento?: { id: number; descricao: string }[];
  rateLimits?: Partial<RateLimits>;
  oauthClients?: OAuthClient[];
}

/** Defaults, then the seed file, then options given in code. */
export function resolveSettings(seed: SettingsInput, rateOverrides: Partial<RateLimits> = {}): Settings {
  return {
    accountName: seed.accountName ?? 'Emulador Eventos Ltda',
    moduloVendas: { id: 98310, nome: 'Vendas', descricao: 'Pedidos de Venda', criarSituacoes: true },
    situacoesVendas: seed.situacoesVendas ?? defaultSituacoes,
    tiposContato: seed.tiposContato ?? [
      { id: 14573501, descricao: 'Cliente' },
      { id: 14573502, descricao: 'Fornecedor' },
      { id: 14573503, descricao: 'Transportador' },
    ],
    formasPagamento: seed.formasPagamento ?? [
      { id: 2941544, descricao: 'Dinheiro' },
      { id: 2941545, descricao: 'Cartão de crédito' },
      { id: 2941546, descricao: 'PIX' },
    ],
    rateLimits: { ...defaultRateLimits, ...seed.rateLimits, ...rateOverrides },
    oauthClients: seed.oauthClients ?? [],
  };
}
