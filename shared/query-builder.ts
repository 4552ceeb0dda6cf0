import { z } from 'zod';
import { DATE_LITERALS, DATE_N_LITERALS } from './soql-date-literals';

/**
 * The visual query builder's model: what a person can click together (object, fields with
 * parent paths, filters in at most one level of groups, sorts, a limit). Main writes it as SOQL
 * and reads SOQL back into it (main/query/builder); the renderer edits it. Pure: no Node, no DOM.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** A field path: `Name`, `Account.Name`, `Account.Owner.Name`. */
const PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

export const isSoqlDate = (v: string): boolean => DATE.test(v);
export const isSoqlDateTime = (v: string): boolean => DATETIME.test(v);
export const isSoqlNumber = (v: string): boolean => NUMBER.test(v);

const DATE_LITERAL_NAMES = new Set([...DATE_LITERALS.map((d) => d.literal), ...DATE_N_LITERALS.map((d) => d.literal)]);
export const isDateLiteral = (literal: string): boolean => DATE_LITERAL_NAMES.has(literal);
/** Literals written with `:n`. */
export const takesN = (literal: string): boolean => DATE_N_LITERALS.some((d) => d.literal === literal);

export const BuilderValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('string'), value: z.string().max(4000) }).strict(),
  /** Kept as text so 0.10 stays 0.10; empty while being typed. */
  z.object({ kind: z.literal('number'), value: z.string().max(40).refine((v) => v === '' || NUMBER.test(v), 'a number') }).strict(),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }).strict(),
  z.object({ kind: z.literal('date'), value: z.string().max(10).refine((v) => v === '' || DATE.test(v), 'a date (YYYY-MM-DD)') }).strict(),
  z.object({ kind: z.literal('datetime'), value: z.string().max(40).refine((v) => v === '' || DATETIME.test(v), 'a date and time') }).strict(),
  z
    .object({ kind: z.literal('dateLiteral'), literal: z.string().refine((l) => DATE_LITERAL_NAMES.has(l), 'a SOQL date literal'), n: z.number().int().min(0).max(10_000).optional() })
    .strict(),
]);
export type BuilderValue = z.infer<typeof BuilderValue>;
export type ValueKind = BuilderValue['kind'];

export const BUILDER_OPERATORS = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'endsWith',
  'like',
  'includes',
  'excludes',
  'isNull',
  'isNotNull',
] as const;
export type BuilderOperator = (typeof BUILDER_OPERATORS)[number];

/** How many values an operator takes: one, a list, or none (null checks). */
export const OPERATOR_ARITY: Record<BuilderOperator, 'one' | 'many' | 'none'> = {
  eq: 'one',
  neq: 'one',
  lt: 'one',
  lte: 'one',
  gt: 'one',
  gte: 'one',
  in: 'many',
  notIn: 'many',
  contains: 'one',
  startsWith: 'one',
  endsWith: 'one',
  like: 'one',
  includes: 'many',
  excludes: 'many',
  isNull: 'none',
  isNotNull: 'none',
};

/** Operators that write LIKE: their value is text. */
export const LIKE_OPERATORS: ReadonlySet<BuilderOperator> = new Set(['contains', 'startsWith', 'endsWith', 'like']);

export const BuilderFilter = z
  .object({
    /** Empty while the person has not chosen the field yet. */
    field: z.union([z.literal(''), z.string().max(300).regex(PATH)]),
    operator: z.enum(BUILDER_OPERATORS),
    values: z.array(BuilderValue).max(500),
  })
  .strict();
export type BuilderFilter = z.infer<typeof BuilderFilter>;

export const BuilderJoin = z.enum(['AND', 'OR']);
export type BuilderJoin = z.infer<typeof BuilderJoin>;

/** Filters in parentheses, joined by their own AND/OR. */
export const BuilderGroup = z.object({ join: BuilderJoin, filters: z.array(BuilderFilter).max(50) }).strict();
export type BuilderGroup = z.infer<typeof BuilderGroup>;

export const BuilderWhere = z.object({ join: BuilderJoin, items: z.array(z.union([BuilderFilter, BuilderGroup])).max(50) }).strict();
export type BuilderWhere = z.infer<typeof BuilderWhere>;
export type BuilderItem = BuilderWhere['items'][number];

export const isGroup = (item: BuilderItem): item is BuilderGroup => 'filters' in item;

export const BuilderSort = z
  .object({
    field: z.union([z.literal(''), z.string().max(300).regex(PATH)]),
    direction: z.enum(['ASC', 'DESC']),
    nulls: z.enum(['FIRST', 'LAST']).optional(),
  })
  .strict();
export type BuilderSort = z.infer<typeof BuilderSort>;

/** A LIMIT the builder accepts (SOQL takes any positive whole number). */
export const MAX_BUILDER_LIMIT = 1_000_000_000;

export const BuilderModel = z
  .object({
    object: z.string().min(1).max(100).regex(/^[A-Za-z_]\w*$/),
    fields: z.array(z.string().max(300).regex(PATH)).max(500),
    where: BuilderWhere,
    orderBy: z.array(BuilderSort).max(10),
    limit: z.number().int().min(1).max(MAX_BUILDER_LIMIT).optional(),
  })
  .strict();
export type BuilderModel = z.infer<typeof BuilderModel>;

/** What reading SOQL back gave: the model (when it parsed) and what the builder could not show. */
export const BuilderReading = z.object({
  /** Null when the text does not parse as SOQL. */
  model: BuilderModel.nullable(),
  /** Parts left out of `model`, in words ("GROUP BY", "NOT (...)"). Empty: the model is the whole query. */
  unsupported: z.array(z.string()),
  /** The parse error, when there is one. */
  error: z.string().nullable(),
});
export type BuilderReading = z.infer<typeof BuilderReading>;

export const emptyWhere = (): BuilderWhere => ({ join: 'AND', items: [] });

/** A new query on `object`: its Id, nothing else. */
export const newModel = (object: string): BuilderModel => ({ object, fields: ['Id'], where: emptyWhere(), orderBy: [] });

function valueComplete(v: BuilderValue): boolean {
  switch (v.kind) {
    case 'string':
      return v.value !== '';
    case 'boolean':
      return true;
    case 'dateLiteral':
      return !takesN(v.literal) || v.n !== undefined;
    default:
      return v.value !== '';
  }
}

/**
 * A filter still being filled in (no value yet) is kept in the builder but left out of the SOQL,
 * so the text in the editor always runs.
 */
export function filterComplete(f: BuilderFilter): boolean {
  if (!f.field) return false;
  const arity = OPERATOR_ARITY[f.operator];
  if (arity === 'none') return true;
  if (arity === 'one') return f.values.length === 1 && valueComplete(f.values[0]);
  return f.values.length > 0 && f.values.every(valueComplete);
}

/** The `:n` form of a date literal value, as SOQL writes it. */
export const dateLiteralText = (v: Extract<BuilderValue, { kind: 'dateLiteral' }>): string => (takesN(v.literal) ? `${v.literal}:${v.n ?? 0}` : v.literal);
