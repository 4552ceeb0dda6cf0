import type { z } from 'zod';
import type { MappingIssue } from '../issues';
import { localFields } from '../local-fields';
import { ObjectMapping } from '../model';

export type ParsedDraft = { ok: true; mapping: ObjectMapping } | { ok: false; issues: MappingIssue[] };

/** The CRM field a zod path points into (fields[3].constant → the third mapping's crm name). */
function crmFieldAt(draft: unknown, path: readonly PropertyKey[]): { crmField?: string; index?: number } {
  if (path[0] !== 'fields' || typeof path[1] !== 'number') return {};
  const fields = (draft as { fields?: unknown[] })?.fields;
  const crm = (fields?.[path[1]] as { crm?: unknown } | undefined)?.crm;
  return { index: path[1], ...(typeof crm === 'string' && crm ? { crmField: crm } : {}) };
}

function zodIssue(draft: unknown, i: z.core.$ZodIssue): MappingIssue {
  const where = crmFieldAt(draft, i.path);
  const path = i.path.map(String).join('.');
  const named = where.crmField && !i.message.startsWith(`${where.crmField}:`) ? `${where.crmField}: ${i.message}` : i.message;
  return { severity: 'error', code: 'INVALID_MAPPING', message: where.crmField ? `${named} (${path})` : `${i.message} (${path || 'mapping'})`, ...where };
}

/**
 * A mapping as the renderer, an import file or the CLI sent it, checked against the model:
 * parse errors become issues naming the field instead of a thrown zod error.
 */
export function parseDraft(draft: unknown, object: string): ParsedDraft {
  const parsed = ObjectMapping.safeParse(draft);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => zodIssue(draft, i)) };
  const mapping = parsed.data;
  const issues: MappingIssue[] = [];
  if (mapping.object !== object) issues.push({ severity: 'error', code: 'WRONG_OBJECT', message: `This mapping is for ${mapping.object}, not ${object}` });
  if (!localFields[mapping.localKind]) {
    issues.push({ severity: 'error', code: 'UNKNOWN_LOCAL_KIND', message: `There are no local ${mapping.localKind} records: use one of ${Object.keys(localFields).join(', ')}` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, mapping };
}
