import type { FieldType } from '../../providers/provider';
import type { LocalType } from './local-fields';

export type Fit = 'ok' | 'check' | 'no';

/**
 * Whether a local value of one type can go into a CRM field of another. 'check' means it can
 * when the value parses (text into a number field, say): each record is then checked on push.
 */
const pushFit: Record<FieldType, Partial<Record<LocalType, Fit>>> = {
  id: {},
  string: { id: 'ok', string: 'ok', email: 'ok', phone: 'ok', number: 'ok', integer: 'ok', boolean: 'ok', date: 'ok', datetime: 'ok' },
  textarea: { id: 'ok', string: 'ok', email: 'ok', phone: 'ok', number: 'ok', integer: 'ok', boolean: 'ok', date: 'ok', datetime: 'ok' },
  email: { email: 'ok', string: 'check' },
  phone: { phone: 'ok', string: 'ok' },
  url: { string: 'check' },
  number: { number: 'ok', integer: 'ok', string: 'check', id: 'check' },
  integer: { integer: 'ok', number: 'check', string: 'check', id: 'check' },
  currency: { number: 'ok', integer: 'ok', string: 'check' },
  percent: { number: 'ok', integer: 'ok', string: 'check' },
  boolean: { boolean: 'ok', string: 'check', integer: 'check' },
  date: { date: 'ok', datetime: 'ok', string: 'check' },
  datetime: { datetime: 'ok', date: 'ok', string: 'check' },
  time: { string: 'check' },
  picklist: { string: 'check', boolean: 'check', integer: 'check', number: 'check' },
  multipicklist: { string: 'check' },
  // Reference fields take CRM ids: filled by a lookup, not from a local value.
  reference: {},
  other: { string: 'check', number: 'check', integer: 'check', boolean: 'check', date: 'check', datetime: 'check', email: 'check', phone: 'check' },
};

/** The reverse: what a pulled CRM value can be written into locally. */
const pullFit: Record<LocalType, Partial<Record<FieldType, Fit>>> = {
  id: {},
  string: { id: 'ok', string: 'ok', textarea: 'ok', email: 'ok', phone: 'ok', url: 'ok', number: 'ok', integer: 'ok', currency: 'ok', percent: 'ok', boolean: 'ok', date: 'ok', datetime: 'ok', time: 'ok', picklist: 'ok', multipicklist: 'ok', reference: 'ok', other: 'ok' },
  email: { email: 'ok', string: 'check' },
  phone: { phone: 'ok', string: 'ok' },
  number: { number: 'ok', integer: 'ok', currency: 'ok', percent: 'ok', string: 'check', picklist: 'check' },
  integer: { integer: 'ok', number: 'check', string: 'check' },
  boolean: { boolean: 'ok', string: 'check', picklist: 'check' },
  date: { date: 'ok', datetime: 'ok', string: 'check' },
  datetime: { datetime: 'ok', date: 'ok', string: 'check' },
};

export const fitForPush = (local: LocalType, crm: FieldType): Fit => pushFit[crm][local] ?? 'no';
export const fitForPull = (crm: FieldType, local: LocalType): Fit => pullFit[local][crm] ?? 'no';
