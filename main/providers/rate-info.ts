import type { ApiUsage, RateInfo } from './provider';

/** Keeps the latest rate/usage facts a client has seen and tells subscribers. */
export class RateTracker {
  private readonly listeners = new Set<(info: RateInfo) => void>();
  last?: RateInfo;
  usage?: ApiUsage;

  subscribe(listener: (info: RateInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  report(info: RateInfo, usage?: ApiUsage): void {
    this.last = info;
    if (usage) this.usage = usage;
    for (const l of this.listeners) l(info);
  }
}

export const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

export const numberHeader = (headers: Record<string, string | string[] | undefined>, name: string): number | undefined => {
  const v = header(headers, name);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
