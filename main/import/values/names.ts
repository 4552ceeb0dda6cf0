/** "Ada Lovelace" → Ada / Lovelace; "Lovelace, Ada" → Ada / Lovelace; one word is a first name. */
export function splitFullName(full: string): { first: string | null; last: string | null } {
  const text = full.trim().replace(/\s+/g, ' ');
  if (!text) return { first: null, last: null };
  const comma = text.indexOf(',');
  if (comma > 0) {
    const last = text.slice(0, comma).trim();
    const first = text.slice(comma + 1).trim();
    return { first: first || null, last: last || null };
  }
  const space = text.lastIndexOf(' ');
  if (space < 0) return { first: text, last: null };
  return { first: text.slice(0, space), last: text.slice(space + 1) };
}
