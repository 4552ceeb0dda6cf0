const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".\d][^\s@<>()[\],;:".]+$/;

/** Matching key of a person: trimmed, lowercased, `mailto:` and angle brackets dropped. */
export function normaliseEmail(raw: string): string {
  let e = raw.trim();
  if (e.startsWith('<') && e.endsWith('>')) e = e.slice(1, -1).trim();
  if (/^mailto:/i.test(e)) e = e.slice(7);
  return e.toLowerCase();
}

/** A pragmatic check: one @, a dotted domain, no spaces or list separators, no `..`. */
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email) && !email.includes('..') && email.indexOf('@') <= 64;
}
