/**
 * The one place secrets are scrubbed before anything is logged, audited or exported.
 * Two layers: keys that name a secret have their values replaced wholesale, and free text is
 * scanned for bearer tokens, token-ish query parameters and JSON fields.
 */
const SECRET_KEY = /(^|[_-])(access[_-]?token|refresh[_-]?token|id[_-]?token|token|secret|client[_-]?secret|password|passwd|api[_-]?token|api[_-]?key|authorization|code[_-]?verifier|session[_-]?id|sid|signature|cookie|secret[_-]?access[_-]?token)$/i;

const TEXT_PATTERNS: Array<[RegExp, string]> = [
  // Authorization: Bearer xyz / Basic xyz
  [/\b(Bearer|Basic|OAuth)\s+[A-Za-z0-9._~+/!=-]{6,}/gi, '$1 [REDACTED]'],
  // query strings and form bodies: access_token=..., api_token=..., code=... etc.
  [/\b(access_token|refresh_token|id_token|api_token|client_secret|code_verifier|password|token|code|secret)=([^&\s"']+)/gi, '$1=[REDACTED]'],
  // JSON text: "access_token":"..."
  [/"(access_token|refresh_token|id_token|api_token|client_secret|code_verifier|password|token|secret|authorization|signature|accessToken|refreshToken|clientSecret|apiToken)"\s*:\s*"[^"]*"/gi, '"$1":"[REDACTED]"'],
  // Salesforce session ids look like 00D...!AQ... even outside a Bearer header.
  [/\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/g, '[REDACTED]'],
  // HubSpot private-app tokens.
  [/\bpat-[a-z0-9]{2,4}-[A-Za-z0-9-]{8,}/g, '[REDACTED]'],
];

export const REDACTED = '[REDACTED]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Exact secret values known at run time (tokens read from the keychain), scrubbed wherever they appear. */
const knownSecrets = new Set<string>();

export function registerSecret(secret: string | undefined | null): void {
  if (secret && secret.length >= 8) knownSecrets.add(secret);
}

export function redactText(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const s of [...extraSecrets, ...knownSecrets]) if (s.length >= 4 && out.includes(s)) out = out.split(s).join(REDACTED);
  for (const [re, repl] of TEXT_PATTERNS) out = out.replace(re, repl);
  return out;
}

/** Deep copy with secret-named keys replaced and every string scanned; cycles are cut. */
export function redactDeep(value: unknown, extraSecrets: readonly string[] = [], seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, extraSecrets);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, extraSecrets), stack: value.stack ? redactText(value.stack, extraSecrets) : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, extraSecrets, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretKey(k) && v !== null && v !== undefined && v !== '' ? REDACTED : redactDeep(v, extraSecrets, seen);
  }
  return out;
}
