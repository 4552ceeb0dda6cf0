import type { SyncDirection } from '../../shared/ipc/channels/schedule';

/** What a scheduler asks for: one push or pull of one connection. */
export interface RunRequestOptions {
  trigger: 'schedule' | 'manual' | 'cli';
  /** Aborted when the app quits or the runner loses its lock: stop at the next safe point. */
  signal?: AbortSignal;
}

/** How a run went, in records; the scheduler turns it into ok / partial / failed. */
export interface RunOutcome {
  succeeded: number;
  failed: number;
  /** True when the run stopped early because its signal was aborted. */
  cancelled?: boolean;
  /** One line for the person ("Pushed 120 people, 2 failed: invalid email"). */
  summary?: string;
  runId?: string;
}

/**
 * The sync engine as schedules see it. The engine (main/sync) implements it and registers
 * itself with `services.syncRunner.use(...)`; schedules, the tray and the CLI only call this.
 */
export interface SyncRunner {
  run(connectionId: string, kind: SyncDirection, opts: RunRequestOptions): Promise<RunOutcome>;
}

export class SyncEngineUnavailableError extends Error {
  constructor() {
    super('The sync engine is not available yet in this build: scheduled pushes and pulls cannot run.');
    this.name = 'SyncEngineUnavailableError';
  }
}

/**
 * The registration point services expose. Until an engine is plugged in, every run fails with
 * a clear message instead of silently doing nothing.
 */
export class SyncRunnerSlot implements SyncRunner {
  private runner?: SyncRunner;

  constructor(initial?: SyncRunner) {
    this.runner = initial;
  }

  /** Plugs the engine in; read `services.db` at call time in it, since a restore reopens the store. */
  use(runner: SyncRunner): void {
    this.runner = runner;
  }

  get available(): boolean {
    return this.runner !== undefined;
  }

  run(connectionId: string, kind: SyncDirection, opts: RunRequestOptions): Promise<RunOutcome> {
    if (!this.runner) return Promise.reject(new SyncEngineUnavailableError());
    return this.runner.run(connectionId, kind, opts);
  }
}
