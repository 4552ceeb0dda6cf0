/**
 * The renderer's Content-Security-Policy. renderer/index.html carries the same base policy in a
 * meta tag (test/unit/host-csp.test.ts keeps the two in step; the meta also allows loopback
 * sockets on any port, since a static file cannot know the port). The shells send it as a
 * header too, adding what only a header can say (frame-ancestors) and narrowing connect-src to
 * the one socket they serve.
 */
export const BASE_CSP_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['object-src', ["'none'"]],
];

export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser host's own WebSocket. */
  connect?: string[];
}

export function rendererCsp(opts: CspOptions = {}): string {
  const parts = BASE_CSP_DIRECTIVES.map(([name, sources]) => {
    const all = name === 'connect-src' ? [...sources, ...(opts.connect ?? [])] : sources;
    return `${name} ${all.join(' ')}`;
  });
  parts.push("frame-ancestors 'none'");
  return parts.join('; ');
}

/** The header policy of the browser host on `port`: only its own loopback socket may be opened. */
export const browserHostCsp = (port: number): string =>
  rendererCsp({ connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });

/** Parses a policy into directive → sources, for comparing the meta tag with the header. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of policy.split(';')) {
    const [name, ...sources] = raw.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
