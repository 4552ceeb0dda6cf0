import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { emulatorKinds, startEmulator, type EmulatorKind } from './index';

const usage = `usage: npm run emulator -- <${emulatorKinds.join('|')}> [--port N] [--latency MS] [--seed FILE]
       [--token T] [--secret S] [--auto-approve] [--token-ttl SECONDS] [--error-rate 0..1] [--burst-429 N] [--reset-rate 0..1]`;

function parseFlags() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '0' },
        latency: { type: 'string', default: '0' },
        seed: { type: 'string' },
        token: { type: 'string' },
        secret: { type: 'string' },
        'auto-approve': { type: 'boolean', default: false },
        'token-ttl': { type: 'string' },
        'error-rate': { type: 'string', default: '0' },
        'burst-429': { type: 'string', default: '0' },
        'reset-rate': { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // Node's parser throws on unknown flags and on values that look like flags (--latency -5).
    console.error(`${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseFlags();
  const kind = positionals[0] as EmulatorKind | undefined;
  if (values.help || !kind || !emulatorKinds.includes(kind)) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) {
      console.error(`--${name} must be a non-negative number, got "${v}"`);
      process.exit(2);
    }
    return n;
  };
  let seed: unknown;
  if (values.seed) {
    try {
      seed = JSON.parse(readFileSync(values.seed, 'utf8'));
    } catch (err) {
      console.error(`cannot read seed file ${values.seed}: ${(err as Error).message}`);
      process.exit(2);
    }
  }
  const emu = await startEmulator(kind, {
    port: num('port', values.port),
    seed,
    token: values.token,
    secret: values.secret,
    autoApprove: values['auto-approve'],
    tokenTtlSeconds: values['token-ttl'] ? num('token-ttl', values['token-ttl']) : undefined,
    faults: {
      latencyMs: num('latency', values.latency),
      errorRate: num('error-rate', values['error-rate']),
      burst429: num('burst-429', values['burst-429']),
      resetRate: num('reset-rate', values['reset-rate']),
    },
  });
  console.log(`listening on ${emu.url}`);
  const stop = () => void emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
