import type { CompletionOption, CompletionResult } from '../../../shared/ipc/channels/query';
import type { FieldMeta, ObjectMeta } from '../../providers/provider';
import { cursorContext, listField, type CursorContext } from './context';
import { DATE_LITERALS, DATE_N_LITERALS } from './date-literals';
import { MetaReader, relationshipsOf, resolvePath, type MetaSnapshot } from './metadata';
import { isComparison, isKeyword, type Token } from './tokens';

export interface CompletionOutcome {
  result: CompletionResult;
  /** Objects whose describe would have given more suggestions: load them and ask again. */
  missing: string[];
  /** The object list would have given more suggestions. */
  wantsObjects: boolean;
}

const AGGREGATES = ['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'];
const SELECT_FUNCTIONS = [...AGGREGATES, 'CALENDAR_YEAR', 'CALENDAR_MONTH', 'CALENDAR_QUARTER', 'DAY_ONLY', 'FORMAT', 'toLabel', 'convertCurrency'];

/**
 * SOQL autocomplete at `cursor`: objects after FROM, fields and relationship paths of the
 * (sub)query's object, operators after a field, picklist values, booleans and date literals
 * after an operator or inside IN (...), and the clause keywords that can come next. A pure
 * function of the text and the metadata snapshot.
 */
export function completeSoql(text: string, cursor: number, snap: MetaSnapshot, opts: { today?: Date } = {}): CompletionOutcome {
  const ctx = cursorContext(text, cursor);
  const reader = new MetaReader(snap);
  const { options, from } = suggest(ctx, reader, opts.today ?? new Date());
  return { result: { from, to: cursor, options }, missing: [...reader.missing], wantsObjects: reader.wantsObjects };
}

interface Suggestion {
  options: CompletionOption[];
  from: number;
}

function suggest(ctx: CursorContext, reader: MetaReader, today: Date): Suggestion {
  const at = (options: CompletionOption[]): Suggestion => ({ options, from: ctx.from });
  const prev = ctx.before.at(-1);
  if (ctx.inString || (prev && isComparison(prev))) return at(valuesAfterOperator(ctx, reader, today));
  const inList = listField(ctx.before);
  if (inList !== undefined && prev && (prev.type === 'lparen' || prev.type === 'comma')) return at(valueOptions(fieldAt(ctx, reader, inList), today, false));
  switch (ctx.clause) {
    case 'none':
      return at([keyword('SELECT', 10)]);
    case 'SELECT':
      return selectClause(ctx, reader, prev);
    case 'FROM':
      return at(ctx.afterFrom ? objectOptions(reader) : keywords(['WHERE', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'WITH SECURITY_ENFORCED', 'USING SCOPE']));
    case 'WHERE':
    case 'HAVING':
      return conditionClause(ctx, reader, prev);
    case 'GROUP':
    case 'ORDER':
      return orderingClause(ctx, reader, prev);
    default:
      return at([]);
  }
}

function selectClause(ctx: CursorContext, reader: MetaReader, prev: Token | undefined): Suggestion {
  if (prev && !(isKeyword(prev, 'SELECT') || prev.type === 'comma' || prev.type === 'lparen')) {
    return { from: ctx.from, options: keywords(['FROM']) };
  }
  const insideFunction = prev?.type === 'lparen';
  const fields = fieldPath(ctx, reader);
  if (ctx.word.includes('.') || insideFunction) return fields;
  return { from: fields.from, options: [...fields.options, ...SELECT_FUNCTIONS.map((f) => fn(f))] };
}

function conditionClause(ctx: CursorContext, reader: MetaReader, prev: Token | undefined): Suggestion {
  const at = (options: CompletionOption[]): Suggestion => ({ options, from: ctx.from });
  if (!prev || isKeyword(prev, 'WHERE', 'HAVING', 'AND', 'OR') || prev.type === 'lparen') {
    const fields = fieldPath(ctx, reader);
    return ctx.word.includes('.') ? fields : { from: fields.from, options: [...fields.options, keyword('NOT', -1)] };
  }
  if (isKeyword(prev, 'NOT')) {
    const before = ctx.before.at(-2);
    return before?.type === 'word' && !isKeyword(before, 'WHERE', 'AND', 'OR') ? at(keywords(['IN'])) : fieldPath(ctx, reader);
  }
  if (isKeyword(prev, 'IN', 'INCLUDES', 'EXCLUDES')) return at([{ label: '(', kind: 'operator', detail: 'a list of values', apply: '(' }]);
  if (prev.type === 'word' && isValueWord(prev) === false && isFieldPosition(ctx.before)) return at(operatorOptions(fieldAt(ctx, reader, prev.text)));
  return at(keywords(['AND', 'OR', 'GROUP BY', 'ORDER BY', 'LIMIT']));
}

function orderingClause(ctx: CursorContext, reader: MetaReader, prev: Token | undefined): Suggestion {
  if (!prev || isKeyword(prev, 'BY') || prev.type === 'comma') {
    const fields = fieldPath(ctx, reader);
    if (ctx.clause === 'ORDER' && !ctx.word.includes('.')) return { from: fields.from, options: [...fields.options, ...AGGREGATES.map((f) => fn(f))] };
    return fields;
  }
  const next = ctx.clause === 'GROUP' ? ['HAVING', 'ORDER BY', 'LIMIT'] : isKeyword(prev, 'ASC', 'DESC') ? ['NULLS FIRST', 'NULLS LAST', 'LIMIT'] : ['ASC', 'DESC', 'NULLS FIRST', 'NULLS LAST', 'LIMIT'];
  return { from: ctx.from, options: keywords(next) };
}

// ---- fields and paths -----------------------------------------------------------------------

/** Fields of the object at the end of the typed path (`Account.Own` → Account's fields). */
function fieldPath(ctx: CursorContext, reader: MetaReader): Suggestion {
  if (!ctx.object) return { from: ctx.from, options: [] };
  const dot = ctx.word.lastIndexOf('.');
  const parts = dot >= 0 ? [...ctx.word.slice(0, dot).split('.'), ''] : [''];
  const from = ctx.from + dot + 1;
  const resolved = resolvePath(reader, ctx.object, parts);
  if (!resolved.ok) return { from, options: [] };
  return { from, options: fieldOptions(resolved.object, dot >= 0) };
}

function fieldOptions(meta: ObjectMeta, nested: boolean): CompletionOption[] {
  const fields = meta.fields.map<CompletionOption>((f) => ({
    label: f.name,
    kind: 'field',
    detail: `${f.label} · ${f.vendorType}`,
    boost: f.name === 'Id' || f.name === 'Name' ? 3 : nested ? 1 : 2,
  }));
  const relationships = relationshipsOf(meta).map<CompletionOption>((f) => ({
    label: `${f.reference!.relationshipName}.`,
    kind: 'relationship',
    detail: `→ ${f.reference!.targets.join(' | ')}`,
    apply: `${f.reference!.relationshipName}.`,
    boost: 1,
  }));
  return [...fields, ...relationships];
}

function fieldAt(ctx: CursorContext, reader: MetaReader, path: string): FieldMeta | undefined {
  if (!ctx.object) return undefined;
  const resolved = resolvePath(reader, ctx.object, path.split('.'));
  return resolved.ok ? resolved.field : undefined;
}

/** After `WHERE`, `AND`, `OR`, `(` or `NOT` a word is a field; after an operator it is a value. */
function isFieldPosition(before: Token[]): boolean {
  const t = before.at(-2);
  return !t || isKeyword(t, 'WHERE', 'HAVING', 'AND', 'OR', 'NOT') || t.type === 'lparen';
}

const isValueWord = (t: Token): boolean => /^(TRUE|FALSE|NULL)$/i.test(t.text) || DATE_WORDS.has(t.text.split(':')[0].toUpperCase());
const DATE_WORDS = new Set([...DATE_LITERALS.map((d) => d.literal), ...DATE_N_LITERALS.map((d) => d.literal)]);

// ---- values -------------------------------------------------------------------------------

function valuesAfterOperator(ctx: CursorContext, reader: MetaReader, today: Date): CompletionOption[] {
  // An open string's quote starts the word, so the operator is the last token before it either way.
  const opToken = ctx.before.at(-1);
  const fieldToken = isComparison(opToken) ? ctx.before.at(-2) : undefined;
  const field = fieldToken?.type === 'word' ? fieldAt(ctx, reader, fieldToken.text) : undefined;
  const op = opToken?.text.toUpperCase();
  return valueOptions(field, today, op !== 'LIKE');
}

function valueOptions(field: FieldMeta | undefined, today: Date, withNull: boolean): CompletionOption[] {
  const out: CompletionOption[] = [];
  if (field?.picklist) {
    for (const p of field.picklist.filter((o) => o.active)) out.push({ label: quote(p.value), kind: 'value', detail: p.label === p.value ? 'picklist value' : p.label, boost: 3 });
  }
  if (field?.type === 'boolean') out.push({ label: 'TRUE', kind: 'value', boost: 3 }, { label: 'FALSE', kind: 'value', boost: 3 });
  if (field?.type === 'date' || field?.type === 'datetime') out.push(...dateOptions(field.type, today));
  if (withNull) out.push({ label: 'NULL', kind: 'keyword', detail: 'no value', boost: -1 });
  return out;
}

function dateOptions(type: 'date' | 'datetime', today: Date): CompletionOption[] {
  const day = today.toISOString().slice(0, 10);
  const literal = type === 'date' ? day : `${day}T00:00:00Z`;
  return [
    ...DATE_LITERALS.map<CompletionOption>((d) => ({ label: d.literal, kind: 'date', detail: d.detail, boost: 2 })),
    ...DATE_N_LITERALS.map<CompletionOption>((d) => ({ label: `${d.literal}:${d.n}`, kind: 'date', detail: d.detail.replace(' n ', ` ${d.n} `), boost: 1 })),
    { label: literal, kind: 'value', detail: type === 'date' ? 'a date (no quotes)' : 'a date and time in UTC (no quotes)', boost: 0 },
  ];
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function operatorOptions(field: FieldMeta | undefined): CompletionOption[] {
  const ops = ['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'IN', 'NOT IN'];
  if (field?.type === 'multipicklist') ops.push('INCLUDES', 'EXCLUDES');
  const textual = !field || ['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'id', 'reference'].includes(field.type);
  return ops
    .filter((o) => o !== 'LIKE' || textual)
    .map((o) => ({ label: o, kind: /^[A-Z]/.test(o) ? ('keyword' as const) : ('operator' as const), boost: o === '=' ? 2 : 0 }));
}

// ---- objects, keywords, functions -------------------------------------------------------

function objectOptions(reader: MetaReader): CompletionOption[] {
  return (reader.objects() ?? [])
    .filter((o) => o.queryable)
    .map((o) => ({ label: o.name, kind: 'object' as const, detail: o.label === o.name ? (o.custom ? 'custom object' : undefined) : o.label, boost: o.custom ? 1 : 2 }));
}

const keyword = (label: string, boost = 0): CompletionOption => ({ label, kind: 'keyword', boost });
const keywords = (labels: string[]): CompletionOption[] => labels.map((l, i) => keyword(l, -i / 10));
const fn = (name: string): CompletionOption => ({ label: `${name}()`, kind: 'function', apply: `${name}(`, detail: AGGREGATES.includes(name) ? 'aggregate' : 'function', boost: -1 });
