import { isPermissionable, type Permissions } from '../permissions';
import type { ChildRelationship, FieldDef, ObjectDef } from './types';

/**
 * describe / describeGlobal bodies in the REST API's shape (the attributes clients read, plus the
 * usual rest), as the signed-in user sees them: object permissions set the create/update/delete
 * flags, field-level security hides fields or makes them read-only.
 */

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID', reference: 'tns:ID', boolean: 'xsd:boolean', date: 'xsd:date', datetime: 'xsd:dateTime',
  double: 'xsd:double', currency: 'xsd:double', percent: 'xsd:double', int: 'xsd:int',
};

const urlsFor = (version: string, obj: ObjectDef) => {
  const base = `/services/data/v${version}/sobjects/${obj.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}`, compactLayouts: `${base}/describe/compactLayouts`, layouts: `${base}/describe/layouts` };
};

const isSystem = (obj: ObjectDef) => ['User'].includes(obj.name);

function objectFlags(obj: ObjectDef, perms: Permissions) {
  const { createable, updateable, deletable } = perms.flags(obj, !isSystem(obj));
  return {
    activateable: false,
    createable,
    custom: obj.custom,
    customSetting: false,
    deepCloneable: false,
    deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: obj.keyPrefix,
    label: obj.label,
    labelPlural: obj.labelPlural,
    layoutable: true,
    mergeable: obj.mergeable,
    mruEnabled: true,
    name: obj.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: deletable,
    updateable,
  };
}

export function describeGlobalEntry(version: string, obj: ObjectDef, perms: Permissions) {
  return { ...objectFlags(obj, perms), associateEntityType: null, associateParentEntity: null, urls: urlsFor(version, obj) };
}

export function describeGlobal(version: string, objects: ObjectDef[], perms: Permissions) {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: objects.map((o) => describeGlobalEntry(version, o, perms)) };
}

export function describeField(f: FieldDef) {
  const textLike = !SOAP_TYPES[f.type];
  return {
    aggregatable: f.type !== 'textarea' || f.length <= 255,
    aiPredictionField: false,
    autoNumber: f.autoNumber,
    byteLength: textLike || f.type === 'id' || f.type === 'reference' ? f.length * 3 : 0,
    calculated: f.calculated,
    calculatedFormula: f.calculatedFormula,
    cascadeDelete: false,
    caseSensitive: f.caseSensitive,
    compoundFieldName: null,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? f.defaultValue : f.type === 'picklist' ? null : f.defaultValue,
    defaultValueFormula: null,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.digits,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: f.externalId,
    extraTypeInfo: f.type === 'textarea' ? (f.length > 255 ? 'plaintextarea' : null) : null,
    filterable: f.filterable,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: f.groupable,
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: f.idLookup,
    inlineHelpText: null,
    label: f.label,
    length: f.length,
    mask: null,
    maskType: null,
    name: f.name,
    nameField: f.nameField,
    namePointing: false,
    nillable: f.nillable,
    permissionable: isPermissionable(f),
    picklistValues: f.picklistValues,
    polymorphicForeignKey: false,
    precision: f.precision,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[f.type] ?? 'xsd:string',
    sortable: f.sortable,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}

const describeChild = (r: ChildRelationship) => ({
  cascadeDelete: r.cascadeDelete,
  childSObject: r.childSObject,
  deprecatedAndHidden: false,
  field: r.field,
  junctionIdListNames: [],
  junctionReferenceTo: [],
  relationshipName: r.relationshipName,
  restrictedDelete: false,
});

export function describeObject(version: string, obj: ObjectDef, perms: Permissions) {
  const fields = obj.fields.filter((f) => perms.visible(obj, f)).map((f) => describeField(perms.describedField(obj, f)));
  return {
    ...objectFlags(obj, perms),
    actionOverrides: [],
    childRelationships: obj.childRelationships.filter((r) => perms.childVisible(r.childSObject, r.field)).map(describeChild),
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields,
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: 'All records', name: 'everything' }],
    urls: urlsFor(version, obj),
  };
}
