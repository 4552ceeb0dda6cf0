import { writeFile } from 'node:fs/promises';
import { Option } from 'commander';
import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { z } from 'zod';
import { QueryInput, type Diagnostic, type QueryLanguage, type RunStatus } from '../../../shared/ipc/channels/query';
import type { QueryService } from '../../query/service';
import { csvFromCells } from '../../query/export-csv';

interface QueryFlags {
  all?: boolean;
  includeDeleted?: boolean;
  format?: 'csv' | 'json';
  out?: string;
  pageSize?: string;
}

/**
 * `query <provider> "<SOQL or JSON filter>"`: runs a query on a connection and prints the rows
 * as CSV (headers are the API names the query selected) or JSON. Only the first page unless
 * `--all`, which follows every page (nextRecordsUrl, HubSpot's after) and prints each row once.
 */
export const registerQuery: RegisterCommand = (program, ctx) => {
  program
    .command('query')
    .description('run SOQL (Salesforce) or a JSON search filter (HubSpot, Pipedrive) on a connection and print the rows')
    .argument('<provider>', 'salesforce | hubspot | pipedrive, or a connection id such as salesforce-2')
    .argument('<query>', 'SOQL text; for HubSpot a search body with "object" ({"object":"deals","filterGroups":[...]}); for Pipedrive {"object":"persons","term":"...","filters":[...]} or a search term; for list-filter CRMs {"object":"...","filters":[{"name":"...","value":"..."}]}')
    .option('--all', 'follow every page and print every row')
    .option('--include-deleted', 'include deleted and archived records (Salesforce queryAll)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']))
    .option('--out <file>', 'write to this file (CSV gets a UTF-8 byte order mark for Excel) instead of stdout')
    .option('--page-size <n>', 'rows per page asked of the CRM')
    .action(async (target: string, text: string, flags: QueryFlags) => {
      const c = ctx();
      const s = c.open();
      const pageSize = flags.pageSize === undefined ? undefined : Number(flags.pageSize);
      if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 2000)) throw new CliUsageError('--page-size is a whole number from 1 to 2000.');
      const connectionId = s.connections.resolveId(target);
      const provider = await s.connections.provider(connectionId);
      const input = parseInput(provider.capabilities.queryLanguage, text, provider.capabilities.objectRoles.person);
      const format = flags.format ?? (c.json ? 'json' : 'csv');
      const { columns, rows, status } = await runQuery(s.query, { connectionId, input, includeDeleted: flags.includeDeleted === true, pageSize }, flags.all === true);
      const content = format === 'csv' ? csvFromCells(columns, rows, { bom: flags.out !== undefined }) : `${JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((col, i) => [col, r[i] ?? null]))), null, 2)}\n`;
      if (flags.out) {
        await writeFile(flags.out, content, 'utf8');
        process.stderr.write(`Wrote ${rows.length.toLocaleString('en')} rows to ${flags.out}.\n`);
      } else {
        process.stdout.write(content);
      }
      const note = statusNote(status, flags.all === true);
      if (note) process.stderr.write(`${note}\n`);
    });
};

async function runQuery(query: QueryService, req: { connectionId: string; input: QueryInput; includeDeleted: boolean; pageSize?: number }, all: boolean) {
  const first = await query.run({ ...req, remember: true });
  if (first.status.state === 'failed') throw new Error(failure(first.status, req.input));
  const status = all ? await query.readAll(first.status.runId) : first.status;
  if (status.state === 'failed') throw new Error(failure(status, req.input));
  return { ...query.runRows(first.status.runId), status };
}

function statusNote(status: RunStatus, all: boolean): string | undefined {
  if (status.capped && status.notice) return status.notice;
  if (!all && !status.done && status.total !== null) return `Printed the first ${status.loaded.toLocaleString('en')} of ${status.total.toLocaleString('en')} rows; add --all for every page.`;
  if (!all && !status.done) return `Printed the first ${status.loaded.toLocaleString('en')} rows; add --all for every page.`;
  return undefined;
}

/** The query's problem, with `line:column` for each located error. */
function failure(status: RunStatus, input: QueryInput): string {
  if (status.diagnostics.length === 0) return status.error ?? 'The query failed.';
  return status.diagnostics.map((d) => located(d, input)).join('\n');
}

const located = (d: Diagnostic, input: QueryInput): string => `${input.language === 'soql' ? 'query' : 'filter'}:${d.line}:${d.column}: ${d.code ? `${d.code}: ` : ''}${d.message}`;

/** SOQL as typed; HubSpot and Pipedrive take JSON (Pipedrive also a plain search term). */
export function parseInput(language: QueryLanguage, text: string, defaultObject: string): QueryInput {
  if (language === 'soql') return { language, soql: text };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (language === 'pipedrive-filter') return { language, object: defaultObject, term: text };
    const example = language === 'hubspot-search' ? `'{"object":"contacts","filterGroups":[{"filters":[{"propertyName":"email","operator":"HAS_PROPERTY"}]}]}'` : `'{"object":"${defaultObject}","filters":[{"name":"...","value":"..."}]}'`;
    throw new CliUsageError(`The filter is not valid JSON (${(err as Error).message}). Example: ${example}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new CliUsageError('The filter must be a JSON object.');
  const { object, ...rest } = json as Record<string, unknown>;
  const obj = typeof object === 'string' && object ? object : defaultObject;
  const parsed = QueryInput.safeParse(language === 'hubspot-search' ? { language, object: obj, body: rest } : { language, object: obj, ...rest });
  if (!parsed.success) throw new CliUsageError(`The filter does not fit: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}
