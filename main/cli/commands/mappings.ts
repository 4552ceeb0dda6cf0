import { readFile, writeFile } from 'node:fs/promises';
import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import type { MappingService } from '../../sync/mapping/service';
import { MappingUserError } from '../../sync/mapping/service';
import { sourceOf, type FieldMapping, type ObjectMapping } from '../../sync/mapping/model';
import type { MappingIssue } from '../../sync/mapping/issues';

const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const arrows = { push: '→', pull: '←', both: '⇄' } as const;

function sourceText(fm: FieldMapping): string {
  const src = sourceOf(fm);
  switch (src.kind) {
    case 'local':
      return src.field;
    case 'constant':
      return `= ${JSON.stringify(src.value)}`;
    case 'template':
      return `"${src.template}"`;
    case 'lookup':
      return `id of ${src.lookup.object} by ${src.lookup.localField}`;
  }
}

function rulesText(fm: FieldMapping): string {
  const parts = [
    ...(fm.transforms ?? []).map((t) => (t.kind === 'dateFormat' ? `date ${t.pattern}` : t.kind === 'splitName' ? `${t.part} name` : t.kind === 'default' ? `default "${t.value}"` : t.kind)),
    ...(fm.valueMap ? [`${Object.keys(fm.valueMap.values).length} mapped values`] : []),
    ...(fm.onlyFillBlanks ? ['only fill blanks'] : []),
    ...(fm.neverClear === false ? ['may clear'] : []),
  ];
  return parts.join(', ');
}

function matchText(m: ObjectMapping): string {
  const k = m.matchKey;
  if (k.kind === 'crmId') return `stored CRM id${k.findBy ? `, found by ${k.findBy} first` : ''}`;
  return `${k.kind === 'email' ? 'email field' : 'external id'} ${k.crm} (local ${k.local})${k.kind === 'externalId' && k.findBy ? `, found by ${k.findBy} first` : ''}`;
}

function objectText(object: string, source: string, mapping: ObjectMapping, issues: MappingIssue[]): string {
  const lines = [
    `${object} (${source === 'saved' ? 'saved mapping' : 'default mapping'}${mapping.enabled ? '' : ', off'}): ${mapping.localKind} records, matched by ${matchText(mapping)}${mapping.conflictPolicy ? `, ${mapping.conflictPolicy}` : ''}`,
    `  ${pad('CRM FIELD', 28)} DIR  ${pad('SOURCE', 34)} RULES`,
    ...mapping.fields.map((fm) => `  ${pad(fm.crm, 28)}  ${arrows[fm.direction]}   ${pad(sourceText(fm), 34)} ${rulesText(fm)}`.trimEnd()),
    ...issues.map((i) => `  ${i.severity.toUpperCase()}: ${i.message}`),
  ];
  return lines.join('\n');
}

async function showOne(mappings: MappingService, target: string, object: string) {
  const state = await mappings.get(target, object);
  return { object: state.object, label: state.label, source: state.source, mapping: state.mapping, issues: state.issues };
}

/**
 * `mappings <provider|connection> [--object O]`: the mappings a push uses (saved or default), with
 * their problems; `mappings export|import <connection> FILE` moves them as one JSON file.
 */
export const registerMappings: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('mappings')
    .description('show the field mappings of a connection (saved or default) and their problems; export or import them as JSON')
    .argument('<connection>', 'salesforce | hubspot | pipedrive, or a connection id such as salesforce-2')
    .option('--object <object>', 'only this CRM object (Contact, contacts, persons, ...)')
    .action(async (target: string, flags: { object?: string }) => {
      const c = ctx();
      const { mappings } = c.open();
      try {
        if (flags.object) {
          const one = await showOne(mappings, target, flags.object);
          if (!one.mapping) throw new CliUsageError(`${one.object} is not mapped: the app has no default for it and none was saved.`);
          c.out(one, () => objectText(one.object, one.source, one.mapping!, one.issues));
          return;
        }
        const list = await mappings.objects(target);
        const mapped = list.objects.filter((o) => o.source !== 'none');
        const details: Array<Awaited<ReturnType<typeof showOne>>> = [];
        for (const o of mapped) details.push(await showOne(mappings, list.connectionId, o.object));
        c.out({ connectionId: list.connectionId, provider: list.provider, objects: details }, () =>
          details.length === 0 ? `${list.connectionId} has no mapped objects.` : details.map((d) => objectText(d.object, d.source, d.mapping!, d.issues)).join('\n\n'),
        );
      } catch (err) {
        if (err instanceof MappingUserError) throw new CliUsageError(err.message);
        throw err;
      }
    });

  cmd
    .command('export')
    .description('write every mapping of a connection (saved or default) to a JSON file')
    .argument('<connection>', 'provider or connection id')
    .argument('<file>', 'where to write the JSON')
    .action(async (target: string, file: string) => {
      const c = ctx();
      const doc = await c.open().mappings.exportDoc(target);
      await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');
      const objects = doc.mappings.map((m) => m.object);
      c.out({ file, objects }, () => `Wrote the mappings of ${objects.join(', ') || 'no object'} to ${file}.`);
    });

  cmd
    .command('import')
    .description('read a mappings JSON file into a connection (all or nothing; refused when a mapping does not fit the CRM)')
    .argument('<connection>', 'provider or connection id')
    .argument('<file>', 'a file written by `mappings export` or the Mappings page')
    .action(async (target: string, file: string) => {
      const c = ctx();
      let doc: unknown;
      try {
        doc = JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch (err) {
        throw new CliUsageError(`Cannot read ${file} as JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const res = await c.open().mappings.importDoc(target, doc);
      if (!res.imported && !c.json) throw new Error(res.message);
      // --json prints the refusal with its problems by object, and still exits non-zero.
      if (!res.imported) process.exitCode = 1;
      c.out(res, () => res.message);
    });
};
