import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { isProviderId, providerIds } from '../../providers/registry';
import type { ConnectionView } from '../../../shared/ipc/channels/connections';

interface ConnectOptions {
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
  domain?: string;
  browser: boolean;
  connection?: string;
  new?: boolean;
  label?: string;
  timeout?: string;
}

/** `connect <provider>`: a browser sign-in through a loopback redirect, or a pasted token with --token. */
export const registerConnect: RegisterCommand = (program, ctx) => {
  program
    .command('connect')
    .description('connect a CRM: prints the sign-in URL on its own line and waits for the browser, or stores a token with --token')
    .argument('<provider>', `${providerIds.join(' | ')}, or a connection id such as salesforce-2 to reconnect it`)
    .option('--login-url <url>', 'Salesforce login domain or My Domain URL; for HubSpot and Pipedrive the API base URL')
    .option('--client-id <id>', 'OAuth client id / Salesforce consumer key')
    .option('--client-secret <secret>', 'OAuth client secret ("-" reads it from stdin)')
    .option('--token <token>', 'store this token instead of signing in: HubSpot private app token, Pipedrive API token, Salesforce session id ("-" reads it from stdin)')
    .option('--domain <domain>', 'Pipedrive company domain (acme or acme.pipedrive.com)')
    .option('--no-browser', 'do not open a browser; only print the sign-in URL')
    .option('--connection <id>', 'reconnect this connection id')
    .option('--new', 'add another connection of this provider (salesforce-2, ...)')
    .option('--label <label>', 'a name for the connection')
    .addOption(new Option('--timeout <seconds>', 'how long to wait for the browser').default('300'))
    .action(async (target: string, o: ConnectOptions) => {
      const c = ctx();
      const { provider, connectionId } = parseTarget(target, o.connection);
      const s = c.open();
      const base = {
        provider,
        connectionId,
        asNew: o.new,
        label: o.label,
        loginUrl: o.loginUrl,
        clientId: o.clientId,
        clientSecret: await secretArg(o.clientSecret),
        domain: o.domain,
      };
      let view: ConnectionView;
      if (o.token !== undefined) {
        view = await s.connections.connectWithToken({ ...base, token: (await secretArg(o.token)) ?? '' });
      } else {
        const started = await s.connections.startConnect(base, {
          timeoutMs: Number(o.timeout) * 1000,
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
      c.out(views, () => (views.length ? views.map(describe).join('\n\n') : 'No connections yet. Run: ticket-crm-sync connect <salesforce|hubspot|pipedrive>'));
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

/** "-" reads a secret from stdin so it stays out of the shell history and the process list. */
async function secretArg(value: string | undefined): Promise<string | undefined> {
  if (value !== '-') return value;
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  throw new CliUsageError('Expected the secret on stdin.');
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
