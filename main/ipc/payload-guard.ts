/**
 * Shape checks every IPC payload passes before its schema sees it. Schemas check fields; these
 * catch what a schema with an open part (a record, an unknown body) would let through: keys that
 * poison prototypes, nesting deep enough to blow a recursive walker's stack, and cycles (Electron's
 * structured clone can carry them).
 */
export const MAX_PAYLOAD_DEPTH = 32;

const POISON = new Set(['__proto__', 'prototype', 'constructor']);

/** Why the payload is refused, or null when its shape is fine. */
export function payloadProblem(payload: unknown, maxDepth = MAX_PAYLOAD_DEPTH): string | null {
  const onPath = new Set<object>();
  const walk = (value: unknown, depth: number): string | null => {
    if (value === null || typeof value !== 'object') return null;
    if (depth > maxDepth) return `nested deeper than ${maxDepth} levels`;
    if (onPath.has(value)) return 'it refers to itself';
    onPath.add(value);
    try {
      if (Array.isArray(value)) {
        for (const v of value) {
          const p = walk(v, depth + 1);
          if (p) return p;
        }
        return null;
      }
      for (const key of Object.keys(value)) {
        // A plain "constructor" text value (a CSV column named so) is fine; an object under it is the pollution pattern.
        const v = (value as Record<string, unknown>)[key];
        if (key === '__proto__' || (POISON.has(key) && v !== null && typeof v === 'object')) return `the key "${key}" is not allowed`;
        const p = walk(v, depth + 1);
        if (p) return p;
      }
      return null;
    } finally {
      onPath.delete(value);
    }
  };
  return walk(payload, 0);
}
