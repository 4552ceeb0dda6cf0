import { SfApiError } from '../errors';
import type { ObjectDef } from '../metadata/types';
import type { Org } from '../org';

/** What every SOQL compile step needs: the org, the query text (for error positions) and options. */
export interface QueryContext {
  org: Org;
  soql: string;
  version: string;
  includeDeleted: boolean;
  now: number;
}

/** An error in Salesforce's query-error layout: the query, a caret under the token, then the message. */
export function queryError(ctx: QueryContext, errorCode: string, token: string, message: string): SfApiError {
  const lower = ctx.soql.toLowerCase();
  const at = Math.max(0, lower.indexOf(token.toLowerCase()));
  const caret = `${' '.repeat(at)}^`;
  return new SfApiError(400, errorCode, `\n${ctx.soql}\n${caret}\nERROR at Row:1:Column:${at + 1}\n${message}`);
}

export function noSuchColumn(ctx: QueryContext, obj: ObjectDef, name: string): SfApiError {
  return queryError(
    ctx,
    'INVALID_FIELD',
    name,
    `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function unknownRelationship(ctx: QueryContext, name: string): SfApiError {
  return queryError(
    ctx,
    'INVALID_FIELD',
    name,
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function malformed(ctx: QueryContext, token: string, message: string): SfApiError {
  return queryError(ctx, 'MALFORMED_QUERY', token, message);
}
