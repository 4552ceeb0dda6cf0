import { describe, it, expect, afterEach } from 'vitest';
import { builtInPresets, findBuiltIn } from '../../main/import/presets';
import { detectPreset, proposeMapping } from '../../main/import/mapping/propose';
import { PresetDefinition } from '../../shared/ipc/channels/import';
import { sandbox, csv, genericHeaders, eventbriteHeaderLine, type Sandbox } from './helpers';

const generic = findBuiltIn('generic')!;
const targetOf = (headers: string[], preset = detectPreset(headers, builtInPresets)) =>
  Object.fromEntries(proposeMapping(headers, preset, generic).map((c) => [c.header, c.target]));

describe('presets', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('are data files that pass the preset schema', () => {
    expect(builtInPresets.map((p) => p.name).sort()).toEqual(['eventbrite', 'generic', 'tickettailor', 'tito']);
    for (const p of builtInPresets) expect(PresetDefinition.safeParse(p).success).toBe(true);
  });

  it('recognise an Eventbrite attendee report and keep custom questions as custom fields', () => {
    const headers = eventbriteHeaderLine.split(',').filter(Boolean);
    expect(detectPreset(headers, builtInPresets)?.name).toBe('eventbrite');
    const t = targetOf(headers);
    expect(t).toMatchObject({
      'Order #': 'order.id', 'Order Date': 'order.date', 'First Name': 'person.firstName', Email: 'person.email', 'Ticket Type': 'ticket.type',
      'Attendee #': 'ticket.id', 'Attendee Status': 'ticket.attendeeStatus', 'Total Paid': 'ticket.price', 'Home Zip': 'person.postalCode',
      'Job Title': 'person.jobTitle', Company: 'person.company', 'Eventbrite Fees': 'ignore',
      'Dietary requirements': 'custom', 'How did you hear about us?': 'custom',
    });
  });

  it('recognise Tito and Ticket Tailor exports', () => {
    const tito = ['Ticket Reference', 'Order Reference', 'Ticket', 'Ticket Full Name', 'Ticket Email', 'Ticket Company Name', 'Void Status', 'T-shirt size'];
    expect(detectPreset(tito, builtInPresets)?.name).toBe('tito');
    expect(targetOf(tito)).toMatchObject({ 'Ticket Full Name': 'person.fullName', 'Ticket Email': 'person.email', 'Void Status': 'ticket.voided', 'T-shirt size': 'custom' });
    const tt = ['Issued ticket ID', 'Barcode', 'Order ID', 'Ticket type', 'First name', 'Last name', 'Email', 'Checked in', 'Event name'];
    expect(detectPreset(tt, builtInPresets)?.name).toBe('tickettailor');
    expect(targetOf(tt)).toMatchObject({ 'Issued ticket ID': 'ticket.id', 'Checked in': 'ticket.checkedIn', 'Event name': 'event.name' });
  });

  it('map the issue 12 generic headers whatever their case and spacing', () => {
    const variants = ['EMAIL', 'first_name', 'LastName', ' event ', 'event-date', 'Ticket type', 'order id', 'ORDER_DATE', 'Order  Total', 'currency', 'order status', 'Checked-In', 'marketing consent'];
    expect(detectPreset(variants, builtInPresets)).toBeNull();
    expect(Object.values(targetOf(variants, findBuiltIn('generic')!))).toEqual([
      'person.email', 'person.firstName', 'person.lastName', 'event.name', 'event.date', 'ticket.type', 'order.id', 'order.date', 'order.total',
      'order.currency', 'order.status', 'ticket.checkedIn', 'person.marketingConsent',
    ]);
    expect(Object.values(targetOf(genericHeaders, findBuiltIn('generic')!))).not.toContain('custom');
  });

  it('let a platform preset fill gaps from the generic names without mapping a target twice', () => {
    const headers = [...eventbriteHeaderLine.split(',').filter(Boolean), 'Phone', 'Mobile'];
    const t = targetOf(headers);
    expect(t.Phone).toBe('person.phone');
    expect(t.Mobile).toBe('custom');
  });

  it("save the user's mapping as a preset that is then recognised", async () => {
    s = sandbox();
    const path = s.file('own.csv', csv([['Mail Adresse', 'Vorname', 'Bestellnummer'], ['a@x.com', 'A', '1']]));
    const plan = await s.imports.importFile(path, { dryRun: true });
    expect(plan.rejectedCount).toBe(1);
    const mapping = {
      preset: null, dateOrder: 'DMY' as const, decimal: ',' as const,
      columns: [
        { index: 0, header: 'Mail Adresse', target: 'person.email' as const },
        { index: 1, header: 'Vorname', target: 'person.firstName' as const },
        { index: 2, header: 'Bestellnummer', target: 'order.id' as const },
      ],
    };
    const saved = s.imports.savePreset('german-list', 'German list', mapping);
    expect(saved).toMatchObject({ name: 'german-list', builtIn: false });
    expect(s.imports.presets().map((p) => p.name)).toContain('german-list');
    const r = await s.imports.importFile(path, {});
    expect(r).toMatchObject({ preset: 'german-list', created: 1, rejectedCount: 0 });
    expect(() => s.imports.savePreset('eventbrite', undefined, mapping)).toThrow(/built-in/);
    expect(s.imports.deletePreset('german-list')).toBe(true);
  });
});
