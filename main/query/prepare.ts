import type { Query } from 'soql-parser-js';
import { HUBSPOT_SEARCH_LIMITS, type Diagnostic, type QueryInput } from '../../shared/ipc/channels/query';
import type { NativeQuery } from '../providers/provider';
import { ColumnSet } from './columns';
import { pipedriveRowFilter } from './pipedrive/filter';
import { loadSoqlParser, parseLocated } from './soql/parser';

/** What a run needs beyond the input: the provider's query, the columns, a local row filter. */
export interface PreparedQuery {
  native: NativeQuery;
  columns: ColumnSet;
  /** The object queried (for pulls and file names). */
  object?: string;
  /** SOQL with GROUP BY or aggregates: rows are already groups. */
  grouped: boolean;
  rowFilter?: (row: Record<string, unknown>) => boolean;
  /** The text errors are placed on (SOQL, or the body as pretty JSON). */
  text: string;
}

export type Preparation = { ok: true; query: PreparedQuery } | { ok: false; diagnostics: Diagnostic[] };

/** HubSpot's page size when the body does not set one: big pages, fewer calls against its search limit. */
export const HUBSPOT_DEFAULT_PAGE = 100;

export async function prepareQuery(input: QueryInput, opts: { pageSize?: number } = {}): Promise<Preparation> {
  switch (input.language) {
    case 'soql':
      return prepareSoql(input.soql);
    case 'hubspot-search': {
      const { after: _after, ...body } = input.body;
      const limit = typeof body.limit === 'number' ? body.limit : Math.min(opts.pageSize ?? HUBSPOT_DEFAULT_PAGE, HUBSPOT_SEARCH_LIMITS.maxLimit);
      const properties = Array.isArray(body.properties) ? body.properties.filter((p): p is string => typeof p === 'string') : [];
      return {
        ok: true,
        query: {
          native: { language: 'hubspot-search', object: input.object, body: { ...body, limit } },
          columns: new ColumnSet(['id', ...properties]),
          object: input.object,
          grouped: false,
          text: JSON.stringify(input.body, null, 2),
        },
      };
    }
    case 'pipedrive-filter':
      return {
        ok: true,
        query: {
          native: { language: 'pipedrive-filter', object: input.object, term: input.term?.trim() || undefined, fields: input.fields?.length ? input.fields : undefined },
          columns: new ColumnSet(input.fields ?? []),
          object: input.object,
          grouped: false,
          rowFilter: pipedriveRowFilter(input.filters ?? []),
          text: input.term ?? '',
        },
      };
    case 'list-filter':
      return {
        ok: true,
        query: {
          native: { language: 'list-filter', object: input.object, filters: input.filters?.length ? input.filters : undefined, fields: input.fields?.length ? input.fields : undefined },
          columns: new ColumnSet(input.fields ?? []),
          object: input.object,
          grouped: false,
          text: '',
        },
      };
  }
}

async function prepareSoql(soql: string): Promise<Preparation> {
  const parser = await loadSoqlParser();
  const parsed = parseLocated(parser, soql);
  if (!parsed.ok) return { ok: false, diagnostics: [{ ...parsed.error, severity: 'error' }] };
  const declared = parser.getFlattenedFields(parsed.query);
  return {
    ok: true,
    query: {
      native: { language: 'soql', soql },
      columns: new ColumnSet(declared, declared.length > 0),
      object: parsed.query.sObject,
      grouped: isGrouped(parsed.query),
      text: soql,
    },
  };
}

export const isGrouped = (q: Query): boolean =>
  q.groupBy !== undefined || (q.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && f.isAggregateFn === true);
