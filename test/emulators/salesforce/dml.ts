import { saveHooks, type SaveHooks } from './behaviors';
import { formatDateTime } from './dates';
import { DmlFailure, SfApiError, saveError } from './errors';
import { normalizeId } from './ids';
import { Schema } from './metadata/schema';
import type { FieldDef, ObjectDef } from './metadata/types';
import type { Org } from './org';
import type { SfRecord } from './store';
import { checkRequired, prepareWrite } from './validation';

export type UpsertOutcome = { kind: 'saved'; created: boolean; id: string } | { kind: 'multiple'; ids: string[] };

const failure = (statusCode: string, message: string, fields: string[] = []): DmlFailure =>
  new DmlFailure([saveError(statusCode, message, fields)]);

/** Create, update, upsert, delete and merge with Salesforce's validation and side effects. */
export class Dml {
  private readonly hooks: Record<string, SaveHooks>;

  constructor(private readonly org: Org) {
    this.hooks = saveHooks((objectName, values) => this.systemWrite(objectName, values));
  }

  create(obj: ObjectDef, input: Record<string, unknown>): SfRecord {
    const values = prepareWrite(this.org, obj, input, 'create');
    const id = this.org.ids.next(obj.keyPrefix);
    const rec = this.newRecord(obj, id, values);
    this.hooks[obj.name]?.beforeSave?.(this.org, rec, undefined, values);
    checkRequired(obj, rec);
    this.checkUnique(obj, rec);
    this.org.store.put(obj.name, rec);
    this.hooks[obj.name]?.afterSave?.(this.org, rec, undefined);
    return rec;
  }

  /** Updates an existing, live record; DmlFailure when the id is malformed, unknown or deleted. */
  update(obj: ObjectDef, id: unknown, input: Record<string, unknown>): SfRecord {
    const prev = this.existing(obj, id);
    const values = prepareWrite(this.org, obj, input, 'update');
    const rec: SfRecord = { ...prev, ...values, ...this.audit(false) };
    this.hooks[obj.name]?.beforeSave?.(this.org, rec, prev, values);
    checkRequired(obj, rec);
    this.checkUnique(obj, rec);
    this.org.store.put(obj.name, rec);
    this.hooks[obj.name]?.afterSave?.(this.org, rec, prev);
    return rec;
  }

  /** Upsert on an external id field (or Id). SfApiError 404 when the field is not an external id. */
  upsert(obj: ObjectDef, fieldName: string, value: string, input: Record<string, unknown>): UpsertOutcome {
    const field = this.externalIdField(obj, fieldName);
    const body = Object.fromEntries(Object.entries(input).filter(([k]) => k.toLowerCase() !== field.name.toLowerCase()));
    if (field.name === 'Id') {
      const rec = this.update(obj, value, body);
      return { kind: 'saved', created: false, id: rec.Id as string };
    }
    const matches = this.findByExternalId(obj, field, value);
    if (matches.length > 1) return { kind: 'multiple', ids: matches.map((r) => r.Id as string) };
    if (matches.length === 1) {
      const rec = this.update(obj, matches[0].Id, body);
      return { kind: 'saved', created: false, id: rec.Id as string };
    }
    const rec = this.create(obj, { ...body, [field.name]: value });
    return { kind: 'saved', created: true, id: rec.Id as string };
  }

  externalIdField(obj: ObjectDef, fieldName: string): FieldDef {
    const field = this.org.apiField(obj, fieldName);
    if (!field || !(field.externalId || field.name === 'Id')) {
      throw new SfApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${fieldName}`);
    }
    return field;
  }

  findByExternalId(obj: ObjectDef, field: FieldDef, value: string): SfRecord[] {
    return this.org.store.findBy(obj.name, field.name, value, field.caseSensitive).filter((r) => r.IsDeleted !== true);
  }

  /** Soft delete (IsDeleted = true, into the recycle bin), cascading to dependent children. */
  delete(id: unknown, obj?: ObjectDef): SfRecord {
    const located = this.locateForWrite(id, obj);
    if (!this.org.permissions.canDelete(located.obj)) throw failure('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    this.hooks[located.obj.name]?.beforeDelete?.(this.org, located.rec);
    this.softDelete(located.obj, located.rec, {});
    return located.rec;
  }

  /**
   * Merge (Account, Contact, Lead): losers are deleted with MasterRecordId, their children move over;
   * `masterFields` are values that supersede the survivor's, as in the SOAP merge request.
   */
  merge(obj: ObjectDef, masterId: string, loserIds: string[], masterFields: Record<string, unknown> = {}): void {
    if (!obj.mergeable) throw new SfApiError(400, 'INVALID_TYPE', `Merge is not supported for ${obj.name}`);
    if (loserIds.length < 1 || loserIds.length > 2) throw new SfApiError(400, 'INVALID_ARGUMENT', 'A merge takes one master and one or two other records');
    const master = this.existing(obj, masterId);
    const losers = loserIds.map((id) => this.existing(obj, id));
    this.org.store.transaction(() => {
      for (const loser of losers) {
        this.reparentChildren(obj, loser.Id as string, master.Id as string);
        this.softDelete(obj, loser, { MasterRecordId: master.Id }, false);
      }
      const before = this.org.store.get(obj.name, master.Id as string)!;
      if (Object.keys(masterFields).length) this.update(obj, master.Id, masterFields);
      else this.org.store.put(obj.name, { ...before, ...this.audit(false) });
      this.hooks[obj.name]?.afterSave?.(this.org, this.org.store.get(obj.name, master.Id as string)!, before);
    });
  }

  private reparentChildren(obj: ObjectDef, fromId: string, toId: string): void {
    for (const rel of obj.childRelationships) {
      const childObj = this.org.schema.require(rel.childSObject);
      const hooks = this.hooks[childObj.name];
      for (const child of this.org.store.findBy(rel.childSObject, rel.field, fromId, true)) {
        if (child.IsDeleted === true) continue;
        if (hooks?.mergeChild?.(this.org, child, rel.field, toId) === 'drop') this.softDelete(childObj, child, {});
        else this.org.store.put(rel.childSObject, { ...child, [rel.field]: toId, ...this.audit(false) });
      }
    }
  }

  private softDelete(obj: ObjectDef, rec: SfRecord, extra: SfRecord, cascade = true): void {
    const at = this.org.clock.stamp();
    const deleted = { ...rec, ...extra, IsDeleted: true, ...this.audit(false) };
    this.org.store.put(obj.name, deleted);
    this.org.store.markDeleted(obj.name, rec.Id as string, at);
    if (cascade) {
      for (const rel of obj.childRelationships.filter((r) => r.cascadeDelete)) {
        const childObj = this.org.schema.require(rel.childSObject);
        for (const child of this.org.store.findBy(rel.childSObject, rel.field, rec.Id, true)) {
          if (child.IsDeleted !== true) this.softDelete(childObj, child, {});
        }
      }
    }
    this.hooks[obj.name]?.afterDelete?.(this.org, deleted);
  }

  private locateForWrite(id: unknown, obj?: ObjectDef): { obj: ObjectDef; rec: SfRecord } {
    const full = normalizeId(id);
    if (!full) throw failure('MALFORMED_ID', `bad id ${String(id)}`, ['Id']);
    const located = this.org.locate(full);
    if (!located || (obj && located.obj !== obj)) {
      if (obj && located && located.obj !== obj) throw failure('MALFORMED_ID', `${obj.label} ID: id value of incorrect type: ${String(id)}`, ['Id']);
      throw failure('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    }
    if (located.deleted) throw failure('ENTITY_IS_DELETED', 'entity is deleted');
    return located;
  }

  private existing(obj: ObjectDef, id: unknown): SfRecord {
    return this.locateForWrite(id, obj).rec;
  }

  private newRecord(obj: ObjectDef, id: string, values: SfRecord): SfRecord {
    const rec: SfRecord = { Id: id, IsDeleted: false };
    for (const f of obj.fields) {
      if (f.formula !== undefined || f.name in rec) continue;
      if (f.autoNumber) rec[f.name] = this.org.nextAutoNumber(obj, f);
      else rec[f.name] = f.name in values ? values[f.name] : f.type === 'multipicklist' ? null : (f.defaultValue ?? null);
    }
    if (Schema.field(obj, 'OwnerId') && !values.OwnerId) rec.OwnerId = this.org.identity.userId;
    // A custom object's text Name left empty takes the record id, as on the platform.
    const name = Schema.field(obj, 'Name');
    if (obj.custom && name && !name.autoNumber && rec.Name === null) rec.Name = id;
    return { ...rec, ...this.audit(true) };
  }

  private audit(created: boolean): SfRecord {
    const now = formatDateTime(this.org.clock.stamp());
    const user = this.org.identity.userId;
    const stamp: SfRecord = { LastModifiedDate: now, LastModifiedById: user, SystemModstamp: now };
    return created ? { CreatedDate: now, CreatedById: user, ...stamp } : stamp;
  }

  private checkUnique(obj: ObjectDef, rec: SfRecord): void {
    for (const f of obj.fields) {
      if (!f.unique || rec[f.name] === null || rec[f.name] === undefined) continue;
      const other = this.org.store
        .findBy(obj.name, f.name, rec[f.name], f.caseSensitive)
        .find((r) => r.Id !== rec.Id && r.IsDeleted !== true);
      if (other) {
        throw new DmlFailure([saveError('DUPLICATE_VALUE', `duplicate value found: ${f.name} duplicates value on record with id: ${String(other.Id)}`)]);
      }
    }
  }

  /** Platform-maintained writes from hooks: create (no Id) or overwrite (with Id), no validation. */
  private systemWrite(objectName: string, values: SfRecord): SfRecord {
    const obj = this.org.schema.require(objectName);
    if (typeof values.Id === 'string' && this.org.store.get(obj.name, values.Id)) {
      const rec = { ...values, ...this.audit(false) };
      this.org.store.put(obj.name, rec);
      return rec;
    }
    const rec = this.newRecord(obj, this.org.ids.next(obj.keyPrefix), values);
    this.org.store.put(obj.name, rec);
    return rec;
  }
}

