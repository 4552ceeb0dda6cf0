import type { QueueScope } from './types';

/** SQL conditions (each prefixed with AND) and named args for a scope. */
export function scopeSql(scope: QueueScope): { sql: string; args: Record<string, unknown> } {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (scope.connectionId !== undefined) {
    where.push('connection_id = @connectionId');
    args.connectionId = scope.connectionId;
  }
  if (scope.object !== undefined) {
    where.push('object = @object');
    args.object = scope.object;
  }
  if (scope.direction !== undefined) {
    where.push('direction = @direction');
    args.direction = scope.direction;
  }
  return { sql: where.map((w) => ` AND ${w}`).join(''), args };
}
