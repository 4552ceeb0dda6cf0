import type { RegisterCommand } from './index';
import { storeCounts } from '../../store/counts';

export const registerInfo: RegisterCommand = (program, ctx) => {
  program
    .command('info')
    .description('show where the local store is and what it holds')
    .action(() => {
      const c = ctx();
      const s = c.open();
      const info = { ...s.info(), counts: storeCounts(s.db) };
      c.out(info, () =>
        [
          `${info.name} ${info.version}`,
          `data dir:  ${info.dataDir}`,
          `schema:    v${info.schemaVersion}`,
          `people:    ${info.counts.people}   orders: ${info.counts.orders}   events: ${info.counts.events}`,
          `queue:     ${info.counts.queuePending} pending, ${info.counts.queueDead} dead`,
          `connections: ${info.counts.connections}`,
        ].join('\n'),
      );
    });
};
