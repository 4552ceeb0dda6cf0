import { z } from 'zod';

/** Validators of each fault knob, without defaults (shared by the full schema and by patches). */
const knobs = {
  /** Added delay before every answer, in ms. */
  latencyMs: z.number().int().min(0),
  /** Share (0..1) of API requests answered with a 500 or 503. */
  errorRate: z.number().min(0).max(1),
  /** The next N API requests get the vendor's 429 answer. */
  burst429: z.number().int().min(0),
  /** Share (0..1) of API requests whose connection is destroyed without an answer. */
  resetRate: z.number().min(0).max(1),
  /** When true on a POST, every access token issued so far expires now (the flag resets itself). */
  expireTokensNow: z.boolean(),
};

/** Fault knobs shared by every emulator; set at start (CLI flags) or at run time (POST /__admin/faults). */
export const FaultsSchema = z.object({
  latencyMs: knobs.latencyMs.default(0),
  errorRate: knobs.errorRate.default(0),
  burst429: knobs.burst429.default(0),
  resetRate: knobs.resetRate.default(0),
  expireTokensNow: knobs.expireTokensNow.default(false),
});
export type Faults = z.infer<typeof FaultsSchema>;

export const defaultFaults = (): Faults => FaultsSchema.parse({});

/**
 * A change to some knobs. Unlike `FaultsSchema.partial()` (zod 4 fills defaults inside
 * partial), absent knobs stay absent, so setting one knob leaves the others as they were;
 * unknown knobs are an error rather than silently ignored.
 */
export const FaultsPatchSchema = z.object(knobs).partial().strict();

/** Deterministic PRNG so fault tests are repeatable with a seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
