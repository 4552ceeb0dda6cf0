import type { DemoSession } from './start-demo';
import { DEMO_CRMS, DEMO_LABELS } from './start-demo';

const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en')} ${n === 1 ? word : many}`;

/**
 * What `npm run demo` prints: that this is the demo, what it holds, and then the URL on a line of
 * its own (issue 14 point 4), so a person can click it and a script can read it.
 */
export function demoBanner(demo: DemoSession, url: string): string[] {
  const rows = demo.imports.reduce((n, r) => n + r.rows, 0);
  const rejected = demo.imports.reduce((n, r) => n + r.rejectedCount, 0);
  const people = demo.services.db.prepare('SELECT COUNT(*) FROM people').pluck().get() as number;
  const imported = demo.imports.length > 0
    ? `Imported ${plural(demo.imports.length, 'sample Eventbrite export')}: ${plural(rows, 'row')}, ${plural(people, 'person', 'people')}, ${plural(rejected, 'row')} rejected on purpose (unusable emails).`
    : `Kept the local store of the last demo run (--keep): ${plural(people, 'person', 'people')}.`;
  return [
    '',
    '=== Ticket CRM Sync: DEMO MODE (sample data only; nothing leaves this computer) ===',
    ...DEMO_CRMS.map((k) => `  ${DEMO_LABELS[k].padEnd(16)} connected, local emulator at ${demo.emulators[k].url}`),
    `  ${imported}`,
    ...demo.syncRuns.map((r) => `  ${r.message ?? `${r.kind} ${r.status}`}`),
    `  Sample files: ${demo.files.dir}`,
    `  Demo data folder: ${demo.dataDir} (emptied at the next start unless --keep; your real data is untouched)`,
    '',
    'Open the demo in your browser:',
    url,
    '',
    'Press Ctrl+C to stop the demo.',
  ];
}
