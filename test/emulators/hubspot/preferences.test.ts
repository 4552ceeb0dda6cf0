import { afterEach, describe, expect, it } from 'vitest';
import { oauthTokens, startHub, type HubBody, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const V3 = '/communication-preferences/v3';
const V4 = '/communication-preferences/v4/statuses';
const MARKETING = '4587221';

const statuses = async (email: string) => {
  const res = await hub.call('GET', `${V3}/status/email/${encodeURIComponent(email)}`);
  return res.body.subscriptionStatuses as unknown as Array<{ id: string; status: string; sourceOfStatus: string; legalBasis?: string }>;
};
const marketingStatus = async (email: string) => (await statuses(email)).find((s) => s.id === MARKETING)!;
const v3 = (action: 'subscribe' | 'unsubscribe', body: Record<string, unknown>) => hub.call('POST', `${V3}/${action}`, body);
const v4 = (email: string, body: Record<string, unknown>) => hub.call('POST', `${V4}/${encodeURIComponent(email)}`, { channel: 'EMAIL', ...body });
const v4Result = (body: HubBody) => body.results[0] as unknown as { status: string; setStatusSuccessReason: string; subscriptionId: number; legalBasis?: string };

describe('communication preferences v3', () => {
  it('lists the subscription definitions', async () => {
    hub = await startHub();
    const res = await hub.call('GET', `${V3}/definitions`);
    expect(res.status).toBe(200);
    const defs = res.body.subscriptionDefinitions as unknown as Array<Record<string, unknown>>;
    expect(defs.map((d) => d.name)).toEqual(['Marketing Information', 'One to One', 'Customer Service Communication']);
    expect(defs[0]).toMatchObject({ id: MARKETING, purpose: 'Marketing', communicationMethod: 'Email', isActive: true, isDefault: true, isInternal: false });
  });

  it('reports NOT_SUBSCRIBED for an email nobody asked about, then subscribes and unsubscribes it', async () => {
    hub = await startHub();
    expect(await marketingStatus('ada@example.com')).toMatchObject({ status: 'NOT_SUBSCRIBED', sourceOfStatus: 'SUBSCRIPTION_STATUS' });
    const sub = await v3('subscribe', { emailAddress: 'Ada@Example.com', subscriptionId: MARKETING, legalBasis: 'CONSENT_WITH_NOTICE', legalBasisExplanation: 'Ticked the box at checkout' });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ id: MARKETING, name: 'Marketing Information', status: 'SUBSCRIBED', legalBasis: 'CONSENT_WITH_NOTICE' });
    expect((await marketingStatus('ada@example.com')).status).toBe('SUBSCRIBED');
    const unsub = await v3('unsubscribe', { emailAddress: 'ada@example.com', subscriptionId: MARKETING });
    expect(unsub.body.status).toBe('NOT_SUBSCRIBED');
  });

  it('refuses to resubscribe an opted-out email', async () => {
    hub = await startHub();
    await v3('unsubscribe', { emailAddress: 'out@example.com', subscriptionId: MARKETING });
    const again = await v3('subscribe', { emailAddress: 'out@example.com', subscriptionId: MARKETING });
    expect(again.status).toBe(400);
    expect(again.body.category).toBe('VALIDATION_ERROR');
    expect((await marketingStatus('out@example.com')).status).toBe('NOT_SUBSCRIBED');
  });

  it('validates the request: required fields, subscription id, legal basis values, email', async () => {
    hub = await startHub();
    const empty = await v3('subscribe', {});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('some of required attributes are not set [emailAddress, subscriptionId]');
    expect((await v3('subscribe', { emailAddress: 'a@example.com', subscriptionId: '1' })).status).toBe(400);
    expect((await v3('subscribe', { emailAddress: 'a@example.com', subscriptionId: MARKETING, legalBasis: 'BECAUSE' })).status).toBe(400);
    expect((await v3('subscribe', { emailAddress: 'nope', subscriptionId: MARKETING })).status).toBe(400);
  });

  it('requires both legal fields in a GDPR-enabled account', async () => {
    hub = await startHub({ seed: { communicationPreferences: { gdprEnabled: true } } });
    const none = await v3('subscribe', { emailAddress: 'a@example.com', subscriptionId: MARKETING });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('legalBasis and legalBasisExplanation');
    const half = await v3('unsubscribe', { emailAddress: 'a@example.com', subscriptionId: MARKETING, legalBasis: 'CONSENT_WITH_NOTICE' });
    expect(half.status).toBe(400);
    const full = await v3('subscribe', { emailAddress: 'a@example.com', subscriptionId: MARKETING, legalBasis: 'CONSENT_WITH_NOTICE', legalBasisExplanation: 'Opted in' });
    expect(full.status).toBe(200);
    const v4Missing = await v4('a@example.com', { statusState: 'UNSUBSCRIBED', subscriptionId: Number(MARKETING) });
    expect(v4Missing.status).toBe(400);
  });

  it('needs the communication preferences scopes from OAuth tokens', async () => {
    hub = await startHub();
    const contactsOnly = await oauthTokens(hub);
    const refused = await hub.call('GET', `${V3}/definitions`, undefined, { authorization: `Bearer ${contactsOnly.access_token}` });
    expect(refused.status).toBe(403);
    const readWrite = await oauthTokens(hub, 'communication_preferences.read_write');
    const auth = { authorization: `Bearer ${readWrite.access_token}` };
    expect((await hub.call('GET', `${V3}/definitions`, undefined, auth)).status).toBe(200);
    expect((await hub.call('POST', `${V3}/subscribe`, { emailAddress: 'a@example.com', subscriptionId: MARKETING }, auth)).status).toBe(200);
    const readOnly = await oauthTokens(hub, 'communication_preferences.read');
    expect((await hub.call('POST', `${V3}/subscribe`, { emailAddress: 'b@example.com', subscriptionId: MARKETING }, { authorization: `Bearer ${readOnly.access_token}` })).status).toBe(403);
  });
});

describe('communication preferences v4', () => {
  it('reads NOT_SPECIFIED for every subscription until something is set', async () => {
    hub = await startHub();
    const res = await hub.call('GET', `${V4}/ada@example.com?channel=EMAIL`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('COMPLETE');
    expect(res.body.results.map((r) => r.status)).toEqual(['NOT_SPECIFIED', 'NOT_SPECIFIED', 'NOT_SPECIFIED']);
    expect(res.body.results[0]).toMatchObject({ channel: 'EMAIL', subscriberIdString: 'ada@example.com', subscriptionId: Number(MARKETING) });
    expect((await hub.call('GET', `${V4}/ada@example.com`)).status).toBe(400);
  });

  it('names why a status was set: requested change, no change, resubscribe', async () => {
    hub = await startHub();
    const sub = await v4('ada@example.com', { statusState: 'SUBSCRIBED', subscriptionId: Number(MARKETING), legalBasis: 'CONSENT_WITH_NOTICE', legalBasisExplanation: 'Form' });
    expect(v4Result(sub.body)).toMatchObject({ status: 'SUBSCRIBED', setStatusSuccessReason: 'REQUESTED_CHANGE_OCCURRED', legalBasis: 'CONSENT_WITH_NOTICE' });
    const same = await v4('ada@example.com', { statusState: 'SUBSCRIBED', subscriptionId: Number(MARKETING) });
    expect(v4Result(same.body).setStatusSuccessReason).toBe('NO_STATUS_CHANGE');
    await v4('ada@example.com', { statusState: 'UNSUBSCRIBED', subscriptionId: Number(MARKETING) });
    // v3 refuses this one; v4 may resubscribe.
    expect((await v3('subscribe', { emailAddress: 'ada@example.com', subscriptionId: MARKETING })).status).toBe(400);
    const back = await v4('ada@example.com', { statusState: 'SUBSCRIBED', subscriptionId: Number(MARKETING) });
    expect(v4Result(back.body)).toMatchObject({ status: 'SUBSCRIBED', setStatusSuccessReason: 'RESUBSCRIBE_OCCURRED' });
    expect((await marketingStatus('ada@example.com')).status).toBe('SUBSCRIBED');
  });

  it('unsubscribes from all, which v3 shows as portal-wide and v3 subscribe will not undo', async () => {
    hub = await startHub();
    const all = await hub.call('POST', `${V4}/grace@example.com/unsubscribe-all?channel=EMAIL`);
    expect(all.status).toBe(200);
    expect(all.body.results.every((r) => r.status === 'UNSUBSCRIBED' && (r as unknown as { setStatusSuccessReason: string }).setStatusSuccessReason === 'UNSUBSCRIBE_FROM_ALL_OCCURRED')).toBe(true);
    expect(await marketingStatus('grace@example.com')).toMatchObject({ status: 'NOT_SUBSCRIBED', sourceOfStatus: 'PORTAL_WIDE_STATUS' });
    expect((await v3('subscribe', { emailAddress: 'grace@example.com', subscriptionId: MARKETING })).status).toBe(400);
    const again = await hub.call('POST', `${V4}/grace@example.com/unsubscribe-all?channel=EMAIL`);
    expect((again.body.results[0] as unknown as { setStatusSuccessReason: string }).setStatusSuccessReason).toBe('NO_STATUS_CHANGE');
  });

  it('validates statusState, channel and subscription id', async () => {
    hub = await startHub();
    expect((await v4('a@example.com', { statusState: 'MAYBE', subscriptionId: Number(MARKETING) })).status).toBe(400);
    expect((await v4('a@example.com', { channel: 'SMS', statusState: 'SUBSCRIBED', subscriptionId: Number(MARKETING) })).status).toBe(400);
    expect((await v4('a@example.com', { statusState: 'SUBSCRIBED', subscriptionId: 1 })).status).toBe(400);
    expect((await v4('a@example.com', { statusState: 'SUBSCRIBED' })).status).toBe(400);
  });
});

describe('subscription seeds and inspection', () => {
  it('seeds statuses and opt-outs, and lists them at /__admin/records/subscriptions', async () => {
    hub = await startHub({
      seed: {
        communicationPreferences: {
          statuses: [{ email: 'in@example.com', subscriptionId: MARKETING, status: 'SUBSCRIBED', legalBasis: 'PERFORMANCE_OF_CONTRACT' }],
          unsubscribedFromAll: ['gone@example.com'],
        },
      },
    });
    expect((await marketingStatus('in@example.com')).status).toBe('SUBSCRIBED');
    await v3('unsubscribe', { emailAddress: 'out@example.com', subscriptionId: MARKETING });
    const rows = (await hub.call('GET', '/__admin/records/subscriptions')).body as unknown as Array<Record<string, unknown>>;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'in@example.com', subscriptionId: MARKETING, status: 'SUBSCRIBED', legalBasis: 'PERFORMANCE_OF_CONTRACT', portalWide: false }),
        expect.objectContaining({ email: 'out@example.com', status: 'UNSUBSCRIBED', source: 'v3' }),
        expect.objectContaining({ email: 'gone@example.com', portalWide: true }),
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('refuses a seed status for an unknown subscription and accepts custom definitions', async () => {
    await expect(
      startHub({ seed: { communicationPreferences: { statuses: [{ email: 'a@example.com', subscriptionId: '1', status: 'SUBSCRIBED' }] } } }),
    ).rejects.toThrow(/communicationPreferences\.statuses\[0\]/);
    hub = await startHub({ seed: { communicationPreferences: { definitions: [{ id: '77', name: 'Event news' }] } } });
    const defs = (await hub.call('GET', `${V3}/definitions`)).body.subscriptionDefinitions as unknown as Array<{ id: string; name: string }>;
    expect(defs).toEqual([expect.objectContaining({ id: '77', name: 'Event news', isActive: true })]);
  });
});
