/** HubSpot stores every property value as a string; null or '' clears it. */
export function toHubSpotValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(String).join(';');
  return String(v);
}

export const toHubSpotProperties = (fields: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toHubSpotValue(v)]));

/** One CRM object as the API answers it. */
export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
  new?: boolean;
}
