/** Request counters served at GET /__admin/stats. */
export class Stats {
  requests = 0;
  byStatus: Record<string, number> = {};
  byPath: Record<string, number> = {};

  record(path: string, status: number): void {
    this.requests++;
    this.byStatus[String(status)] = (this.byStatus[String(status)] ?? 0) + 1;
    this.byPath[path] = (this.byPath[path] ?? 0) + 1;
  }

  reset(): void {
    this.requests = 0;
    this.byStatus = {};
    this.byPath = {};
  }

  toJSON() {
    return { requests: this.requests, byStatus: this.byStatus, byPath: this.byPath };
  }
}
