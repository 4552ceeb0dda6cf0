import { DAY_MS, formatDateTime } from './dates';
import { SfApiError } from './errors';
import { evaluateFormula } from './formula';
import { IdFactory, keyPrefixOf, normalizeId } from './ids';
import { Schema } from './metadata/schema';
import type { FieldDef, ObjectDef } from './metadata/types';
import { Permissions } from './permissions';
import { Clock, Store, type SfRecord } from './store';

/** Deleted records stay in the recycle bin this long, then are purged for good. */
export const RECYCLE_BIN_DAYS = 15;

export interface OrgIdentity {
  organizationId: string;
  userId: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface Located {
  obj: ObjectDef;
  rec: SfRecord;
  deleted: boolean;
}

/** The emulated org: metadata, records, clock and the signed-in user. Services take it first. */
export class Org {
  readonly clock = new Clock();
  readonly store = new Store();
  readonly ids = new IdFactory();
  readonly identity: OrgIdentity;
  /** What the signed-in (API) user may see and do; admin hooks and platform writes ignore it. */
  readonly permissions: Permissions;
  private autoNumbers = new Map<string, number>();

  constructor(readonly schema: Schema, user: Partial<Omit<OrgIdentity, 'organizationId' | 'userId'>> = {}) {
    this.permissions = new Permissions(schema);
    this.identity = {
      organizationId: this.ids.next('00D'),
      userId: '',
      username: user.username ?? 'admin@ticket-crm-sync.emulator',
      email: user.email ?? 'admin@ticket-crm-sync.example',
      firstName: user.firstName ?? 'Emma',
      lastName: user.lastName ?? 'Ulator',
    };
    this.identity.userId = this.seedUser();
  }

  private seedUser(): string {
    const id = this.ids.next('005');
    const now = formatDateTime(this.clock.stamp());
    const u = this.identity;
    this.store.put('User', {
      Id: id, IsDeleted: false, Username: u.username, FirstName: u.firstName, LastName: u.lastName,
      Name: `${u.firstName} ${u.lastName}`, Email: u.email, Alias: 'emula', IsActive: true, TimeZoneSidKey: 'GMT',
      CreatedDate: now, CreatedById: id, LastModifiedDate: now, LastModifiedById: id, SystemModstamp: now,
    });
    return id;
  }

  /** Empties every object except User (the signed-in user stays). */
  reset(): void {
    this.store.reset((name) => name === 'User');
    this.autoNumbers.clear();
  }

  /** Any object of the org's metadata (admin hooks, platform code). */
  object(name: string): ObjectDef | undefined {
    return this.schema.get(name);
  }

  /** The object named in a URL or query if the API user may read it; INVALID_TYPE / NOT_FOUND as the caller decides. */
  apiObject(name: string): ObjectDef | undefined {
    const obj = this.schema.get(name);
    return obj && this.permissions.canRead(obj) ? obj : undefined;
  }

  /** A field the API user can see (field-level security hides the rest as if they did not exist). */
  apiField(obj: ObjectDef, name: string): FieldDef | undefined {
    const field = Schema.field(obj, name);
    return field && this.permissions.visible(obj, field) ? field : undefined;
  }

  apiFields(obj: ObjectDef): FieldDef[] {
    return obj.fields.filter((f) => this.permissions.visible(obj, f));
  }

  requireObjectForRest(name: string): ObjectDef {
    const obj = this.apiObject(name);
    if (!obj) throw new SfApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return obj;
  }

  locate(id: string): Located | undefined {
    const full = normalizeId(id);
    if (!full) return undefined;
    const obj = this.schema.byKeyPrefix(keyPrefixOf(full));
    const rec = obj && this.store.get(obj.name, full);
    if (!obj || !rec) return undefined;
    return { obj, rec, deleted: rec.IsDeleted === true };
  }

  /** A deleted record whose recycle-bin time is over: queryAll and getDeleted no longer see it. */
  isPurged(rec: SfRecord): boolean {
    if (rec.IsDeleted !== true) return false;
    const at = this.store.deletedAt(rec.Id as string);
    return at !== undefined && at < this.clock.now() - RECYCLE_BIN_DAYS * DAY_MS;
  }

  /** A field's current value, computing formula fields on read. */
  read(obj: ObjectDef, rec: SfRecord, field: FieldDef): unknown {
    if (field.formula === undefined) return rec[field.name] ?? null;
    try {
      return evaluateFormula(field.formula, (name) => this.readByName(obj, rec, name), this.clock.now(), field.type);
    } catch {
      return null;
    }
  }

  private readByName(obj: ObjectDef, rec: SfRecord, name: string): { value: unknown; type: string } | undefined {
    const f = Schema.field(obj, name);
    return f && { value: this.read(obj, rec, f), type: f.type };
  }

  nextAutoNumber(obj: ObjectDef, field: FieldDef): string {
    const key = `${obj.name}.${field.name}`;
    const n = (this.autoNumbers.get(key) ?? 0) + 1;
    this.autoNumbers.set(key, n);
    return (field.autoNumberFormat ?? '{0}').replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
  }

  /** A record as the REST API shows it: `attributes` first, then the chosen fields (all by default). */
  apiRecord(obj: ObjectDef, rec: SfRecord, version: string, fields?: FieldDef[]): SfRecord {
    const out: SfRecord = { attributes: { type: obj.name, url: recordUrl(version, obj.name, rec.Id as string) } };
    for (const f of fields ?? this.apiFields(obj)) out[f.name] = this.read(obj, rec, f);
    return out;
  }

  /** Every stored field of every record (admin inspection), formulas computed. */
  dump(obj: ObjectDef): SfRecord[] {
    return this.store.all(obj.name).map((rec) => {
      const out: SfRecord = {};
      for (const f of obj.fields) out[f.name] = this.read(obj, rec, f);
      return out;
    });
  }
}

export const recordUrl = (version: string, objectName: string, id: string): string =>
  `/services/data/v${version}/sobjects/${objectName}/${id}`;
