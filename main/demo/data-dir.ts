import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { resolveDataDir } from '../services/data-dir';

/** Marks a folder as the demo's own, so a wipe never hits a folder the demo did not make. */
export const DEMO_MARKER = '.ticket-crm-sync-demo';

export class DemoDirError extends Error {}

/** Beside the normal data folder: `~/.config/Ticket CRM Sync Demo` next to `~/.config/Ticket CRM Sync`. */
export function defaultDemoDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const normal = resolveDataDir(undefined, env);
  return join(dirname(normal), `${basename(normal)} Demo`);
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Makes `dir` ready for a demo run: created and marked when new; emptied when it is a demo folder
 * from an earlier run (unless `keep`). Refuses the normal data folder (or one holding it) and any
 * non-empty folder without the marker, whatever `keep` says.
 */
export function prepareDemoDir(dir: string, opts: { keep?: boolean; normalDataDir?: string } = {}): { wiped: boolean } {
  const target = resolve(dir);
  const normal = resolve(opts.normalDataDir ?? resolveDataDir());
  if (inside(normal, target)) {
    throw new DemoDirError(`The demo will not use ${target}: it holds the app's real data (${normal}). Pick another --data-dir.`);
  }
  const entries = existsSync(target) ? readdirSync(target) : [];
  const marked = entries.includes(DEMO_MARKER);
  if (entries.length > 0 && !marked) {
    throw new DemoDirError(`${target} is not empty and was not made by the demo, so the demo leaves it alone. Pick an empty or new --data-dir.`);
  }
  const wipe = marked && !opts.keep;
  if (wipe) rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, DEMO_MARKER), 'Ticket CRM Sync demo data: `npm run demo` empties this folder each time it starts (unless --keep).\n');
  return { wiped: wipe };
}
