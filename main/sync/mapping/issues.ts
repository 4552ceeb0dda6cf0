/** A problem with a mapping (validation) or with one record under it (apply). */
export interface MappingIssue {
  /** error: cannot be sent / saved. warning: works, but look. defer: try later (a lookup not linked yet). */
  severity: 'error' | 'warning' | 'defer';
  code: string;
  message: string;
  crmField?: string;
  localField?: string;
  /** Index in mapping.fields, when the issue is about one field mapping. */
  index?: number;
}

export const hasErrors = (issues: readonly MappingIssue[]): boolean => issues.some((i) => i.severity === 'error');
