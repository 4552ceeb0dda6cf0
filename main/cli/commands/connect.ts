import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { isProviderId, providerDefinitions, providerIds } from '../../providers/registry';
import type { ConnectFieldKey } from '../../providers/definition';
import type { ConnectionView } from '../../../shared/ipc/channels/connections';

type ConnectOptions = Partial<Record<ConnectFieldKey, string>> & {
  browser: boolean;
  connection?: string;
  new?: boolean;
  label?: string;
  timeout?: string;
  callbackPort?: string;
};

/** Each connect field's flag and what it is for; which providers ask for it comes from the registry. */
const FIELD_FLAGS: Record<ConnectFieldKey, { flag: string; what: string }> = {
  loginUrl: { flag: '--login-url <url>', what: 'the login or API base URL' },
  clientId: { flag: '--client-id <id>', what: 'the OAuth client id' },
  clientSecret: { flag: '--client-secret <secret>', what: 'the OAuth client secret' },
  token: { flag: '--token <token>', what: 'store this token instead of signing in' },
  secret: { flag: '--secret <secret>', what: 'the second secret of a token pair' },
  domain: { flag: '--domain <domain>', what: 'the company domain' },
};

const fieldKeys = Object.keys(FIELD_FLAGS) as ConnectFieldKey[];

const fieldsOf = (key: ConnectFieldKey) => providerDefinitions.flatMap((d) => d.authMethods.flatMap((m) => m.fields.filter((f) => f.key === key).map((f) => ({ provider: d.displayName, field: f }))));

/** "store this token instead of signing in (HubSpot: Access token; Pipedrive: API token)". */
function flagHelp(key: ConnectFieldKey): string {
  const uses = fieldsOf(key);
  const byProvider = new Map<string, Set<string>>();
  for (const u of uses) byProvider.set(u.provider, (byProvider.get(u.provider) ?? new Set()).add(u.field.label));
  const named = [...byProvider].map(([p, labels]) => `${p}: ${[...labels].join(' / ')}`).join('; ');
  const stdin = uses.some((u) => u.field.secret) ? '; "-" reads it from stdin' : '';
  return `${FIELD_FLAGS[key].what}${named ? ` (${named})` : ''}${stdin}`;
}

/** Secrets given as "-" are read from stdin, one line each, in flag order. */
const isSecretField = (key: ConnectFieldKey): boolean => fieldsOf(key).some((u) => u.field.secret);

/** `connect <provider>`: a browser sign-in through a loopback redirect, or a pasted token with --token. */
export const registerConnect: RegisterCommand = (program, ctx) => {
  const command = program
    .command('connect')
    .description('connect a CRM: prints the sign-in URL on its own line and waits for the browser, or stores a token with --token')
    .argument('<provider>', `${providerIds.join(' | ')}, or a connection id such as salesforce-2 to reconnect it`);
  for (const key of fieldKeys) command.addOption(new Option(FIELD_FLAGS[key].flag, flagHelp(key)));
  command
    .option('--no-browser', 'do not open a browser; only print the sign-in URL')
    .option('--connection <id>', 'reconnect this connection id')
    .option('--new', 'add another connection of this provider (salesforce-2, ...)')
    .option('--label <label>', 'a name for the connection')
    .addOption(new Option('--timeout <seconds>', 'how long to wait for the browser').default('300'))
    .option('--callback-port <port>', 'local port of the sign-in callback (register http://localhost:<port>/callback with the app; 0: any free port); default: the setting oauth.callbackPort, else 47411')
    .action(async (target: string, o: ConnectOptions) => {
      const c = ctx();
      const { provider, connectionId } = parseTarget(target, o.connection);
      const s = c.open();
      const { token, ...fields } = await fieldValues(o);
      const base = { provider, connectionId, asNew: o.new, label: o.label, ...fields };
      let view: ConnectionView;
      if (token !== undefined) {
        view = await s.connections.connectWithToken({ ...base, token });
      } else {
        const started = await s.connections.startConnect(base, {
          timeoutMs: Number(o.timeout) * 1000,
          callbackPort: parseCallbackPort(o.callbackPort),
          openUrl: (url) => {
            // The URL alone on its line, so scripts and people can pick it up; stderr in --json mode keeps stdout parseable.
            (c.json ? process.stderr : process.stdout).write(`${url}\n`);
            process.stderr.write(`Waiting for the sign-in in the browser (up to ${o.timeout} s)…\n`);
            return o.browser ? openInBrowser(url) : false;
          },
        });
        view = await started.done;
      }
      c.out(view, () => `Connected ${view.providerName} (${view.id}) as ${view.user ?? 'unknown user'}${view.orgId ? `, org ${view.orgId}` : ''}.`);
    });
};

/** `status [--json]`: every connection with its state, account and usage. */
export const registerStatus: RegisterCommand = (program, ctx) => {
  program
    .command('status')
    .description('show the CRM connections, their state, account and API usage')
    .argument('[connection]', 'only this connection (id or provider)')
    .option('--check', 'call each connected CRM to test the saved sign-in')
    .action(async (target: string | undefined, o: { check?: boolean }) => {
      const c = ctx();
      const s = c.open();
      let views = target ? [s.connections.get(target)] : s.connections.list();
      if (o.check) {
        views = await Promise.all(views.map(async (v) => (v.status === 'disconnected' ? v : (await s.connections.test(v.id)).connection)));
      }
      c.out(views, () => (views.length ? views.map(describe).join('\n\n') : `No connections yet. Run: ticket-crm-sync connect <${providerIds.join('|')}>`));
    });
};

/** `disconnect <provider|id>`: revoke, delete the keychain entry, keep local data. */
export const registerDisconnect: RegisterCommand = (program, ctx) => {
  program
    .command('disconnect')
    .description('revoke a connection at the CRM and delete its saved sign-in; local data and mappings are kept')
    .argument('<connection>', 'connection id or provider')
    .action(async (target: string) => {
      const c = ctx();
      const result = await c.open().connections.disconnect(target);
      c.out(result, () => result.message);
    });
};

function parseTarget(target: string, connection: string | undefined): { provider: (typeof providerIds)[number]; connectionId?: string } {
  const provider = target.replace(/-[0-9]+$/, '');
  if (!isProviderId(provider)) throw new CliUsageError(`Unknown provider "${target}". Use one of: ${providerIds.join(', ')}.`);
  return { provider, connectionId: connection ?? (target !== provider ? target : undefined) };
}

/** The connect fields given on the command line; secrets given as "-" come from stdin. */
async function fieldValues(o: ConnectOptions): Promise<Partial<Record<ConnectFieldKey, string>>> {
  const out: Partial<Record<ConnectFieldKey, string>> = {};
  let stdin: AsyncIterator<string> | undefined;
  for (const key of fieldKeys) {
    const value = o[key];
    if (value === undefined) continue;
    if (value !== '-' || !isSecretField(key)) {
      out[key] = value;
      continue;
    }
    // "-" keeps a secret out of the shell history and the process list; one line per secret.
    stdin ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    const line = await stdin.next();
    if (line.done) throw new CliUsageError(`Expected the ${FIELD_FLAGS[key].flag.split(' ')[0]} value on stdin.`);
    out[key] = line.value.trim();
  }
  return out;
}

function openInBrowser(url: string): boolean {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write('Could not open a browser: open the URL above yourself.\n'));
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function describe(v: ConnectionView): string {
  const lines = [`${v.id}  ${v.providerName}  ${v.status.replace('_', ' ')}${v.label ? `  "${v.label}"` : ''}`];
  if (v.user) lines.push(`  user:      ${v.user}`);
  if (v.orgId || v.orgName) lines.push(`  org:       ${[v.orgName, v.orgId].filter(Boolean).join(' · ')}`);
  for (const d of v.details) lines.push(`  ${`${d.label.toLowerCase()}:`.padEnd(11)}${d.value}`);
  if (v.usage) lines.push(`  api usage: ${v.usage.used} / ${v.usage.max}${v.usage.period === 'day' ? ' today' : ' this window'}`);
  lines.push(`  last sync: ${v.lastSyncAt ?? 'never'}`);
  if (v.lastError) lines.push(`  problem:   ${v.lastError}`);
  return lines.join('\n');
}

function parseCallbackPort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliUsageError(`--callback-port must be a port number from 0 to 65535, not "${value}".`);
  return port;
}
