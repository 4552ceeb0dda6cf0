import { describe, expect, it } from 'vitest';
import { mergeFields, sameValue } from '../../main/sync/pull/merge-fields';
import { claimSizeFor, splitBatches, useBulk } from '../../main/sync/push/split-batches';
import type { ProviderCapabilities } from '../../main/providers/provider';

const caps = (n: number): ProviderCapabilities =>
  ({ batchLimits: { create: n, update: n, upsert: n }, associationBatchLimit: n, queryLanguage: 'soql', maxPageSize: 2000, supportsIncludeDeleted: false, nativeUpsert: true, objectRoles: { person: 'P', company: 'C', deal: 'D' } }) as unknown as ProviderCapabilities;

describe('push batches', () => {
  it('splits into batches of the provider limit, keeping order', () => {
    const items = Array.from({ length: 450 }, (_, i) => i);
    const batches = splitBatches(items, 200);
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(batches.flat()).toEqual(items);
    expect(splitBatches(items.slice(0, 3), 1)).toEqual([[0], [1], [2]]);
    expect(splitBatches([], 100)).toEqual([]);
  });

  it('claims several calls’ worth, at least 20, and a bulk job’s worth in bulk', () => {
    expect(claimSizeFor(caps(200), false)).toBe(1000);
    expect(claimSizeFor(caps(100), false)).toBe(500);
    expect(claimSizeFor(caps(1), false)).toBe(20);
    expect(claimSizeFor(caps(200), true)).toBe(5000);
  });

  it('uses bulk only above the threshold, when offered, with a match field', () => {
    expect(useBulk(10_001, 10_000, true, true)).toBe(true);
    expect(useBulk(10_000, 10_000, true, true)).toBe(false);
    expect(useBulk(50_000, 10_000, false, true)).toBe(false);
    expect(useBulk(50_000, 10_000, true, false)).toBe(false);
    expect(useBulk(50_000, 0, true, true)).toBe(false);
  });
});

describe('three-way merge of a pulled record', () => {
  const stamps = { localChangedAt: '2026-01-02T10:00:00Z', remoteChangedAt: '2026-01-02T11:00:00Z' };

  it('takes CRM changes, keeps local ones, and never drops a field changed on both sides', () => {
    const base = { firstName: 'Ada', lastName: 'Lovelace', phone: '1' };
    const local = { firstName: 'Ada', lastName: 'King', phone: '2' };
    const crm = { firstName: 'Augusta', lastName: 'Lovelace', phone: '3' };
    const m = mergeFields(crm, local, base, 'crm-wins', stamps);
    expect(m.changes).toEqual({ firstName: 'Augusta', phone: '3' });
    expect(m.conflicts).toEqual([{ field: 'phone', base: '1', local: '2', crm: '3', winner: 'crm' }]);
    expect(m.agreed).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace', phone: '3' });
    expect(m.localWon).toBe(false);
  });

  it('follows local-wins and newest-wins', () => {
    const base = { phone: '1' };
    expect(mergeFields({ phone: '3' }, { phone: '2' }, base, 'local-wins', stamps)).toMatchObject({ changes: {}, localWon: true, conflicts: [{ winner: 'local' }] });
    expect(mergeFields({ phone: '3' }, { phone: '2' }, base, 'newest-wins', stamps).conflicts[0].winner).toBe('crm');
    expect(mergeFields({ phone: '3' }, { phone: '2' }, base, 'newest-wins', { ...stamps, localChangedAt: '2026-01-02T12:00:00Z' }).conflicts[0].winner).toBe('local');
  });

  it('without a base, fills blanks and reports different values as conflicts', () => {
    const m = mergeFields({ firstName: 'Ada', phone: '3' }, { firstName: null, phone: '2' }, null, 'crm-wins', stamps);
    expect(m.changes).toEqual({ firstName: 'Ada', phone: '3' });
    expect(m.conflicts.map((c) => c.field)).toEqual(['phone']);
  });

  it('treats blank, null and spacing as the same value', () => {
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(' a ', 'a')).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
    expect(mergeFields({ phone: '' }, { phone: null }, { phone: '1' }, 'crm-wins', stamps)).toMatchObject({ changes: {}, conflicts: [] });
  });
});
