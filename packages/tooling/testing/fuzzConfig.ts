// Fuzz settings shared by the property tests. The normal test run uses fixed seeds and a few hundred
// runs, so a failure reproduces exactly; `pnpm fuzz` sets FUZZ_RUNS for a long run from a fresh seed
// (fast-check prints the seed and the shrunk counterexample of any failure; FUZZ_SEED replays it).
import type { Parameters } from 'fast-check'

const longRuns = Number(process.env.FUZZ_RUNS) || 0
const replaySeed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)

/** fast-check parameters for one property: its fixed seed and run count, or the long-run settings. */
export function fuzz<T>(seed: number, runs: number): Parameters<T> {
  if (replaySeed !== undefined) return { seed: replaySeed, numRuns: longRuns || runs }
  if (longRuns > 0) return { numRuns: longRuns }
  return { seed, numRuns: runs }
}

/** A vitest timeout that grows with the run count of a long fuzz run. */
export function fuzzTimeout(runs: number, msPerRun = 20): number {
  return Math.max(30_000, (longRuns || runs) * msPerRun)
}
