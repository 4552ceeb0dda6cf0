import { describe, expect, it } from 'vitest';
import type { StoreCounts } from '../../shared/ipc/channels/app';

// The renderer's own TypeScript project holds this module; a computed path keeps tsc of this
// (Node) project out of it while vitest loads it (as test/unit/renderer-ws-transport.test.ts does).
const offerPath = '../../renderer/src/pages/home/demo-offer';
const { offersDemo } = (await import(/* @vite-ignore */ offerPath)) as { offersDemo: (counts: StoreCounts | null, demo: boolean | undefined) => boolean };

const empty: StoreCounts = { people: 0, orders: 0, events: 0, connections: 0, queuePending: 0, queueDead: 0, auditEntries: 3 };

describe('"Try with demo data" offer', () => {
  it('shows on a first start only', () => {
    expect(offersDemo(empty, false)).toBe(true);
    expect(offersDemo({ ...empty, connections: 1 }, false)).toBe(false);
    expect(offersDemo({ ...empty, people: 1 }, false)).toBe(false);
  });

  it('never shows inside the demo, nor before the app has said what it is', () => {
    expect(offersDemo(empty, true)).toBe(false);
    expect(offersDemo(empty, undefined)).toBe(false);
    expect(offersDemo(null, false)).toBe(false);
  });
});
