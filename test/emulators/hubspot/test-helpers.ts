import { serveEmulator, type RunningEmulator } from '../common/server';
import { createHubSpotBackend, type HubSpotBackend, type HubSpotBackendOptions } from './backend';

export const PRIVATE_TOKEN = 'pat-na1-00000000-test-0000-0000-emulator0000';

/** The fields tests read from emulator answers (a loose view: any given answer has only some of them). */
export interface HubBody {
  [key: string]: unknown;
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory: Record<string, Array<{ value: string; timestamp: string; sourceType: string }>>;
  associations: Record<string, { results: Array<{ id: string; type: string }> }>;
  createdAt: string;
  updatedAt: string;
  startedAt: string;
  completedAt: string;
  name: string;
  archived: boolean;
  archivedAt: string;
  results: HubBody[];
  paging: { next: { after: string; link: string } };
  total: number;
  status: string;
  message: string;
  category: string;
  subCategory: string;
  correlationId: string;
  context: Record<string, string[]>;
  errors: HubBody[];
  numErrors: number;
  code: string;
  new: boolean;
  from: HubBody;
  to: HubBody[];
  toObjectId: number;
  associationTypes: Array<{ category: string; typeId: number; label: string | null }>;
  options: Array<{ value: string; label: string }>;
  modificationMetadata: { readOnlyValue: boolean; archivable: boolean };
  errorType: string;
  policyName: string;
  scopes: string[];
  expires_in: number;
  access_token: string;
  refresh_token: string;
  token_type: string;
  requests: number;
}

export interface TestHub {
  url: string;
  backend: HubSpotBackend;
  running: RunningEmulator;
  /** Moves the emulator's clock forward (only when started with a manual clock). */
  advance(ms: number): void;
  /** Calls the API with the private-app token unless other headers are given. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: HubBody }>;
  close(): Promise<void>;
}

/** Starts a HubSpot emulator in-process on a free port, with a clock tests can move. */
export async function startHub(opts: HubSpotBackendOptions & { manualClock?: boolean } = {}): Promise<TestHub> {
  let offset = 0;
  const now = opts.manualClock ? () => Date.now() + offset : undefined;
  const backend = createHubSpotBackend({ token: PRIVATE_TOKEN, now, ...opts });
  const running = await serveEmulator(backend, { port: 0 });
  const call: TestHub['call'] = async (method, path, body, headers) => {
    const res = await fetch(running.url + path, {
      method,
      headers: { authorization: `Bearer ${PRIVATE_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON answers (HTML pages) stay text
    }
    return { status: res.status, headers: res.headers, body: parsed as HubBody };
  };
  return {
    url: running.url,
    backend,
    running,
    advance: (ms) => (offset += ms),
    call,
    close: () => running.close(),
  };
}

/** Runs the OAuth dance (auto-approved) and returns the token answer. */
export async function oauthTokens(hub: TestHub, scope = 'oauth crm.objects.contacts.read crm.objects.contacts.write') {
  const redirect = 'http://127.0.0.1:53682/callback';
  const q = new URLSearchParams({ client_id: 'hubspot-emulator-client-id', redirect_uri: redirect, scope, state: 's1' });
  const page = await hub.call('GET', `/oauth/authorize?${q}`, undefined, { authorization: '' });
  const approve = await fetch(`${hub.url}/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'hubspot-emulator-client-id', redirect_uri: redirect, scope, state: 's1', decision: 'approve' }),
    redirect: 'manual',
  });
  if (page.status !== 200 || approve.status !== 302) throw new Error(`authorize failed: ${page.status} ${approve.status}`);
  const code = new URL(approve.headers.get('location')!).searchParams.get('code')!;
  const res = await fetch(`${hub.url}/oauth/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'hubspot-emulator-client-id',
      client_secret: 'hubspot-emulator-client-secret',
      redirect_uri: redirect,
      code,
    }),
  });
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
}
