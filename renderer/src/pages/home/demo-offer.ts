import type { StoreCounts } from '../../../../shared/ipc/channels/app';

export const DEMO_COMMAND = 'npm run demo';

/** First start: nothing connected, nothing imported, and this is not the demo already. */
export const offersDemo = (counts: StoreCounts | null, demo: boolean | undefined): boolean =>
  counts !== null && demo === false && counts.connections === 0 && counts.people === 0;
