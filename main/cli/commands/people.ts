import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { listPeople } from '../../store/people-read';
import type { PersonSummary } from '../../../shared/ipc/channels/people';

const PAGE = 5000;
const sorts = ['email', 'lastName', 'totalSpent', 'orderCount', 'updatedAt'] as const;
type Sort = (typeof sorts)[number];

const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

function row(p: PersonSummary): string {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  const crm = p.links.map((l) => `${l.provider}:${l.externalId}`).join(' ');
  return `${pad(p.email, 32)} ${pad(name, 24)} ${pad(p.phone ?? '', 16)} ${pad(p.company ?? '', 20)} ${p.totalSpent.toFixed(2).padStart(10)} ${String(p.orderCount).padStart(6)}  ${crm}`;
}

export const registerPeople: RegisterCommand = (program, ctx) => {
  program
    .command('people')
    .description('list the people in the local store')
    .option('--search <text>', 'only people whose email, name or company contains this')
    .option('--sort <field>', `order by ${sorts.join(', ')}`, 'email')
    .option('--limit <n>', 'at most this many people')
    .action((flags: { search?: string; sort: string; limit?: string }) => {
      const c = ctx();
      if (!sorts.includes(flags.sort as Sort)) throw new CliUsageError(`--sort must be one of ${sorts.join(', ')}.`);
      const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
      if (!(limit > 0) || (limit !== Infinity && !Number.isInteger(limit))) throw new CliUsageError('--limit must be a positive whole number.');
      if (flags.search && flags.search.length > 200) throw new CliUsageError('--search is at most 200 characters.');
      const s = c.open();
      const people: PersonSummary[] = [];
      let total = 0;
      for (let offset = 0; people.length < limit; offset += PAGE) {
        const page = listPeople(s.db, { search: flags.search, sort: flags.sort as Sort, direction: flags.sort === 'email' || flags.sort === 'lastName' ? 'asc' : 'desc', offset, limit: Math.min(PAGE, limit - people.length) });
        total = page.total;
        people.push(...page.rows);
        if (page.rows.length === 0 || offset + page.rows.length >= total) break;
      }
      const json = people.map((p) => ({
        id: p.id,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        phone: p.phone,
        company: p.company,
        totalSpent: p.totalSpent,
        orderCount: p.orderCount,
        lastEvent: p.lastEventName,
        crmIds: Object.fromEntries(p.links.map((l) => [l.connectionId, l.externalId])),
        links: p.links,
      }));
      c.out(json, () =>
        people.length === 0
          ? flags.search ? `No people match "${flags.search}".` : 'No people yet: import a CSV export with `import <file.csv>`.'
          : [`${pad('EMAIL', 32)} ${pad('NAME', 24)} ${pad('PHONE', 16)} ${pad('COMPANY', 20)} ${'SPENT'.padStart(10)} ${'ORDERS'.padStart(6)}  CRM IDS`, ...people.map(row), `${people.length} of ${total} people`].join('\n'),
      );
    });
};
