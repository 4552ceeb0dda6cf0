import { ValidationError } from './errors';

/** Accepts `acme.my.salesforce.com`, `https://acme.my.salesforce.com/`, ... → an https origin (http only for loopback). */
export function normaliseBaseUrl(raw: string, what: string): string {
  const text = raw.trim();
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ValidationError(`${what} "${raw}" is not a URL. Use a full address such as https://example.com.`, { fields: ['loginUrl'] });
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ValidationError(`${what} must start with https:// (got ${url.protocol}//).`, { fields: ['loginUrl'] });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

