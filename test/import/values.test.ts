import { describe, it, expect } from 'vitest';
import { parseDate, dateOrderHint } from '../../main/import/values/dates';
import { parseAmount, decimalHint } from '../../main/import/values/amounts';
import { parseBoolean } from '../../main/import/values/booleans';
import { splitFullName } from '../../main/import/values/names';
import { isValidEmail, normaliseEmail } from '../../main/import/values/email';
import { normaliseAttendeeStatus, normaliseOrderStatus } from '../../main/import/values/statuses';
import { detectFormats } from '../../main/import/mapping/formats';
import { compileMapping } from '../../main/import/mapping/compile';

describe('dates', () => {
  it('reads ISO, numeric in the given order, month names and Eventbrite stamps', () => {
    expect(parseDate('2024-11-29', 'MDY')).toBe('2024-11-29');
    expect(parseDate('2024-11-29T22:28:05Z', 'DMY')).toBe('2024-11-29T22:28:05Z');
    expect(parseDate('2024-11-29 22:28', 'DMY')).toBe('2024-11-29T22:28:00');
    expect(parseDate('11/29/24 22:28', 'MDY')).toBe('2024-11-29T22:28:00');
    expect(parseDate('29/11/2024', 'DMY')).toBe('2024-11-29');
    expect(parseDate('03/04/2024', 'DMY')).toBe('2024-04-03');
    expect(parseDate('03/04/2024', 'MDY')).toBe('2024-03-04');
    expect(parseDate('29.11.2024 9:05 PM', 'DMY')).toBe('2024-11-29T21:05:00');
    expect(parseDate('29 Nov 2024', 'MDY')).toBe('2024-11-29');
    expect(parseDate('November 29, 2024 at 10:00 AM', 'DMY')).toBe('2024-11-29T10:00:00');
    expect(parseDate('Fri, 29 Nov 2024 12:00:00 GMT', 'MDY')).toBe('2024-11-29T12:00:00');
  });

  it('refuses impossible and non-dates', () => {
    for (const bad of ['29/11/2024', '2024-02-30', '13/13/2024', 'tomorrow', '12:00', '1/2', '2024-13-01', '31/31/24']) expect(parseDate(bad, 'MDY'), bad).toBeNull();
    expect(parseDate('11/29/2024', 'DMY')).toBeNull();
  });

  it('hints the day/month order only when a part says so', () => {
    expect(dateOrderHint('29/11/2024')).toBe('DMY');
    expect(dateOrderHint('11/29/2024')).toBe('MDY');
    expect(dateOrderHint('01/02/2024')).toBeNull();
    expect(dateOrderHint('2024-11-29')).toBeNull();
  });
});

describe('amounts', () => {
  it('reads both decimal conventions with currency signs, codes and spacing', () => {
    expect(parseAmount('1,234.56', '.')).toBe(1234.56);
    expect(parseAmount('1.234,56', ',')).toBe(1234.56);
    expect(parseAmount('$1,234.56', '.')).toBe(1234.56);
    expect(parseAmount('1 234,56 €', ',')).toBe(1234.56);
    expect(parseAmount('EUR 12,5', ',')).toBe(12.5);
    expect(parseAmount('US$ 99', '.')).toBe(99);
    expect(parseAmount('(12.50)', '.')).toBe(-12.5);
    expect(parseAmount('-3', '.')).toBe(-3);
    expect(parseAmount('1,234', '.')).toBe(1234);
    expect(parseAmount('1,234', ',')).toBe(1.234);
    expect(parseAmount("1'234.50", '.')).toBe(1234.5);
  });

  it('refuses text and the other convention', () => {
    expect(parseAmount('free', '.')).toBeNull();
    expect(parseAmount('1.234,56', '.')).toBeNull();
    expect(parseAmount('1,234.56', ',')).toBeNull();
    expect(parseAmount('12..5', '.')).toBeNull();
  });

  it('hints the decimal mark from telling values', () => {
    expect(decimalHint('12,50')).toBe(',');
    expect(decimalHint('1.234,56')).toBe(',');
    expect(decimalHint('12.50')).toBe('.');
    expect(decimalHint('1,234.56')).toBe('.');
    expect(decimalHint('1,234')).toBeNull();
    expect(decimalHint('100')).toBeNull();
  });
});

describe('format detection over a file sample', () => {
  const headers = ['Email', 'Order Date', 'Order Total'];
  const mapping = compileMapping(headers, [
    { index: 0, header: 'Email', target: 'person.email' },
    { index: 1, header: 'Order Date', target: 'order.date' },
    { index: 2, header: 'Order Total', target: 'order.total' },
  ]);

  it('detects 1.234,56 and DD/MM', () => {
    const f = detectFormats([['a', '01/02/2024', '1.234,56'], ['b', '25/02/2024', '12,00']], mapping, null);
    expect(f).toMatchObject({ decimal: ',', decimalDetected: true, dateOrder: 'DMY', dateOrderDetected: true, amountExample: '1.234,56', dateExample: 'DD/MM/YYYY' });
  });

  it('detects 1,234.56 and MM/DD', () => {
    const f = detectFormats([['a', '02/25/2024', '1,234.56']], mapping, null);
    expect(f).toMatchObject({ decimal: '.', dateOrder: 'MDY', dateOrderDetected: true });
  });

  it("falls back to the preset's habit, and says it assumed", () => {
    const f = detectFormats([['a', '01/02/2024', '10']], mapping, { name: 'x', columns: {}, dateOrder: 'DMY' });
    expect(f).toMatchObject({ dateOrder: 'DMY', dateOrderDetected: false, decimal: '.', decimalDetected: false });
  });
});

describe('other values', () => {
  it('reads consent and check-in words', () => {
    for (const y of ['yes', 'Y', 'TRUE', '1', 'opt-in', 'Opted In', 'checked in']) expect(parseBoolean(y), y).toBe(true);
    for (const n of ['no', 'N', 'false', '0', 'opt-out', 'Opted out', 'not checked in']) expect(parseBoolean(n), n).toBe(false);
    expect(parseBoolean('maybe')).toBeNull();
  });

  it('splits full names', () => {
    expect(splitFullName('Ada Lovelace')).toEqual({ first: 'Ada', last: 'Lovelace' });
    expect(splitFullName('Lovelace, Ada')).toEqual({ first: 'Ada', last: 'Lovelace' });
    expect(splitFullName('Mary Ann  Evans')).toEqual({ first: 'Mary Ann', last: 'Evans' });
    expect(splitFullName('Cher')).toEqual({ first: 'Cher', last: null });
  });

  it('normalises and checks emails', () => {
    expect(normaliseEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(normaliseEmail('<ada@example.com>')).toBe('ada@example.com');
    expect(normaliseEmail('mailto:Ada@example.com')).toBe('ada@example.com');
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.org', "o'brien@example.ie"]) expect(isValidEmail(ok), ok).toBe(true);
    for (const bad of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'a b@example.com', 'a@b.c', 'a@@b.com', 'a@b..com', 'a@b.com;c@d.com', 'a@1.2.3.4']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('maps statuses the way issue 12 says', () => {
    expect(normaliseAttendeeStatus('Attending')).toBe('Registered');
    expect(normaliseAttendeeStatus('Checked In')).toBe('Attended');
    expect(normaliseAttendeeStatus('Not Attending')).toBe('Cancelled');
    expect(normaliseAttendeeStatus('refunded')).toBe('Cancelled');
    expect(normaliseAttendeeStatus('deleted')).toBe('Cancelled');
    expect(normaliseAttendeeStatus('paid')).toBe('Registered');
    expect(normaliseAttendeeStatus('no-show')).toBe('No-show');
    expect(normaliseAttendeeStatus('???')).toBeNull();
    expect(normaliseOrderStatus('Eventbrite Completed')).toBe('paid');
    expect(normaliseOrderStatus('Free Order')).toBe('paid');
    expect(normaliseOrderStatus('Refunded')).toBe('refunded');
    expect(normaliseOrderStatus('Partially refunded')).toBe('partially_refunded');
    expect(normaliseOrderStatus('Canceled')).toBe('cancelled');
  });
});
