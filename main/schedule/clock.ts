/** Time as the scheduler sees it; tests pass a fake one to cross DST and sleep in milliseconds. */
export interface Clock {
  now(): number;
  /** Calls `fn` after about `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    // The scheduler must never keep a finished CLI process alive on its own.
    t.unref?.();
    return () => clearTimeout(t);
  },
};
