import { HUBSPOT_OPERATOR_INFO, HUBSPOT_OPERATORS, HUBSPOT_SEARCH_LIMITS as L, type Diagnostic, type HubSpotOperator } from '../../../shared/ipc/channels/query';
import type { FieldMeta, ObjectMeta } from '../../providers/provider';
import { lineColumn } from '../soql/parser';
import { positionedJson, spanOf } from './json-positions';

const KNOWN_KEYS = new Set(['filterGroups', 'sorts', 'properties', 'query', 'limit', 'after']);

/**
 * Checks a HubSpot search body against the documented limits (5 filter groups, 6 filters per
 * group, 18 in all, one sort, limit ≤ 200, query ≤ 3,000 characters), each operator's
 * values, and the object's properties when described. Positions point into the body as
 * JSON.stringify(body, null, 2) prints it, which is how the page shows it.
 */
export function validateHubSpotBody(body: Record<string, unknown>, meta?: ObjectMeta): Diagnostic[] {
  const json = positionedJson(body);
  const out: Diagnostic[] = [];
  const add = (path: string, message: string, severity: Diagnostic['severity'] = 'error') => {
    const { from, to } = spanOf(json, path);
    out.push({ from, to, ...lineColumn(json.text, from), severity, message, code: 'VALIDATION_ERROR' });
  };
  for (const key of Object.keys(body)) if (!KNOWN_KEYS.has(key)) add(key, `HubSpot search does not take “${key}”.`);
  if (body.after !== undefined) add('after', '“after” is set by the runner while paging; leave it out.', 'warning');
  checkGroups(body.filterGroups, meta, add);
  checkSorts(body.sorts, meta, add);
  checkProperties(body.properties, meta, add);
  if (body.query !== undefined && (typeof body.query !== 'string' || body.query.length > L.maxQueryLength)) add('query', `“query” is text of at most ${L.maxQueryLength.toLocaleString('en')} characters.`);
  if (body.limit !== undefined && !(Number.isInteger(body.limit) && (body.limit as number) >= 1 && (body.limit as number) <= L.maxLimit)) {
    add('limit', `“limit” is the page size: a whole number from 1 to ${L.maxLimit}.`);
  }
  return out;
}

type Add = (path: string, message: string, severity?: Diagnostic['severity']) => void;

function checkGroups(groups: unknown, meta: ObjectMeta | undefined, add: Add): void {
  if (groups === undefined) return;
  if (!Array.isArray(groups)) return add('filterGroups', '“filterGroups” is a list of groups, each { "filters": [...] }.');
  if (groups.length > L.maxFilterGroups) add('filterGroups', `HubSpot allows at most ${L.maxFilterGroups} filter groups; this search has ${groups.length}.`);
  let total = 0;
  groups.forEach((g, gi) => {
    const path = `filterGroups.${gi}`;
    const filters = (g as { filters?: unknown } | null)?.filters;
    if (!Array.isArray(filters)) return add(path, `Group ${gi + 1} needs a “filters” list.`);
    if (filters.length === 0) add(path, `Group ${gi + 1} has no filters: it would match every record.`, 'warning');
    if (filters.length > L.maxFiltersPerGroup) add(`${path}.filters`, `A filter group holds at most ${L.maxFiltersPerGroup} filters; group ${gi + 1} has ${filters.length}.`);
    total += filters.length;
    filters.forEach((f, fi) => checkFilter(f, `${path}.filters.${fi}`, meta, add));
  });
  if (total > L.maxFilters) add('filterGroups', `HubSpot allows at most ${L.maxFilters} filters in all; this search has ${total}.`);
}

function checkFilter(raw: unknown, path: string, meta: ObjectMeta | undefined, add: Add): void {
  const f = (raw ?? {}) as Record<string, unknown>;
  const name = f.propertyName;
  if (typeof name !== 'string' || !name) add(path, 'Each filter needs a “propertyName”.');
  const prop = typeof name === 'string' ? checkProperty(name, `${path}.propertyName`, meta, add) : undefined;
  const op = f.operator;
  if (typeof op !== 'string' || !(HUBSPOT_OPERATORS as readonly string[]).includes(op)) {
    return add(`${path}.operator`, `“operator” is one of ${HUBSPOT_OPERATORS.join(', ')}.`);
  }
  const takes = HUBSPOT_OPERATOR_INFO[op as HubSpotOperator].takes;
  const has = (k: string) => f[k] !== undefined && f[k] !== null && f[k] !== '';
  if (takes === 'value' && !has('value')) add(path, `${op} needs a “value”.`);
  if (takes === 'range' && (!has('value') || !has('highValue'))) add(path, 'BETWEEN needs “value” (low end) and “highValue” (high end).');
  if (takes === 'values' && !(Array.isArray(f.values) && f.values.length > 0)) add(path, `${op} needs “values”: a list of one or more values.`);
  if (takes === 'nothing' && (has('value') || has('values'))) add(path, `${op} takes no value.`, 'warning');
  if (prop) checkValues(f, path, prop, add);
}

function checkValues(f: Record<string, unknown>, path: string, prop: FieldMeta, add: Add): void {
  const values: Array<[string, unknown]> = [
    ['value', f.value],
    ['highValue', f.highValue],
    ...(Array.isArray(f.values) ? f.values.map((v, i): [string, unknown] => [`values.${i}`, v]) : []),
  ];
  for (const [key, v] of values) {
    if (v === undefined || v === null) continue;
    const text = String(v);
    if (prop.picklist && prop.type !== 'multipicklist' && !prop.picklist.some((p) => p.value === text)) {
      add(`${path}.${key}`, `“${text}” is not an option of ${prop.name} (${prop.picklist.slice(0, 6).map((p) => p.value).join(', ')}${prop.picklist.length > 6 ? ', …' : ''}).`, 'warning');
    }
    if (['number', 'integer', 'currency', 'percent'].includes(prop.type) && text !== '' && !Number.isFinite(Number(text))) add(`${path}.${key}`, `${prop.name} is a number; “${text}” is not.`);
  }
}

function checkProperty(name: string, path: string, meta: ObjectMeta | undefined, add: Add): FieldMeta | undefined {
  if (!meta) return undefined;
  const prop = meta.fields.find((p) => p.name === name);
  if (!prop) add(path, `${meta.label} has no property “${name}”.`);
  return prop;
}

function checkSorts(sorts: unknown, meta: ObjectMeta | undefined, add: Add): void {
  if (sorts === undefined) return;
  if (!Array.isArray(sorts)) return add('sorts', '“sorts” is a list: [{ "propertyName": "...", "direction": "ASCENDING" }].');
  if (sorts.length > L.maxSorts) add('sorts', `HubSpot sorts by one property per search; this search has ${sorts.length} sorts.`);
  sorts.forEach((s, i) => {
    const r = (s ?? {}) as Record<string, unknown>;
    if (typeof r.propertyName === 'string') checkProperty(r.propertyName, `sorts.${i}.propertyName`, meta, add);
    else add(`sorts.${i}`, 'A sort needs a “propertyName”.');
    if (r.direction !== undefined && r.direction !== 'ASCENDING' && r.direction !== 'DESCENDING') add(`sorts.${i}.direction`, '“direction” is ASCENDING or DESCENDING.');
  });
}

function checkProperties(props: unknown, meta: ObjectMeta | undefined, add: Add): void {
  if (props === undefined) return;
  if (!Array.isArray(props) || props.some((p) => typeof p !== 'string')) return add('properties', '“properties” is a list of property names.');
  (props as string[]).forEach((p, i) => {
    if (meta && !meta.fields.some((f) => f.name === p)) add(`properties.${i}`, `${meta.label} has no property “${p}”.`, 'warning');
  });
}
