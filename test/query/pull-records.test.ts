import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulators/index';
import { connect, emulator, makeApp, type QueryTestApp } from './helpers';

describe('“Pull these records” hands selected rows to the sync engine’s pull pipeline', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;

  beforeAll(async () => {
    emu = await emulator('salesforce', {
      seed: {
        records: {
          Contact: [
            { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' },
            { FirstName: 'Grace', LastName: 'Hopper', Email: 'grace@example.com' },
            { FirstName: 'Alan', LastName: 'Turing', Email: 'alan@example.com' },
          ],
        },
      },
    });
    app = makeApp();
    conn = await connect(app.services, emu);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  const peopleEmails = () => (app.services.db.prepare('SELECT email FROM people ORDER BY email').all() as Array<{ email: string }>).map((r) => r.email);

  it('pulls only the chosen rows into the local store', async () => {
    const page = await app.services.query.run({ connectionId: conn, input: { language: 'soql', soql: 'SELECT Id, Email FROM Contact ORDER BY LastName' } });
    expect(page.rows.map((r) => r[1])).toEqual(['grace@example.com', 'ada@example.com', 'alan@example.com']);
    const result = await app.services.query.pullRecords(page.status.runId, [0, 2]);
    expect(result).toMatchObject({ accepted: true, queued: 2, object: 'Contact' });
    expect(peopleEmails()).toEqual(['alan@example.com', 'grace@example.com']);
  });

  it('explains what is missing instead of pulling: no Id column, or grouped rows', async () => {
    const noId = await app.services.query.run({ connectionId: conn, input: { language: 'soql', soql: 'SELECT Email FROM Contact' }, remember: false });
    expect(await app.services.query.pullRecords(noId.status.runId, [0])).toMatchObject({ accepted: false, queued: 0, message: expect.stringMatching(/Add the Id column/) });
    const grouped = await app.services.query.run({ connectionId: conn, input: { language: 'soql', soql: 'SELECT LastName, COUNT(Id) n FROM Contact GROUP BY LastName' }, remember: false });
    expect(await app.services.query.pullRecords(grouped.status.runId, [0])).toMatchObject({ accepted: false, message: expect.stringMatching(/Grouped results are not records/) });
  });
});
