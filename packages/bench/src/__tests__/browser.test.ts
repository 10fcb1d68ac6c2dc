// The browser budgets of issue 16, as ratios measured in one run: the time otpkit's login adds to a
// bare React page at least 4× smaller than the vendor's, and its keystroke p95 no worse. They need
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium); without it they do not run, and this file says
// so in one line.
import { beforeAll, describe, expect, test } from 'vitest'
import type { BrowserResults } from '../browser/browserBench'
import { chromiumPath, hasChromium, measureInBrowser } from '../browser/browserBench'
import { browserChecks, summarize } from '../browser/browserSummary'
import { describeCheck } from '../budgets'

if (!hasChromium()) console.warn(`browser budgets not run: no Chromium at ${chromiumPath}`)

describe.runIf(hasChromium())('browser budgets (Chromium, CPU 4× slower, 150 ms RTT, 1.6 Mbps)', () => {
  let results: BrowserResults
  beforeAll(async () => {
    results = await measureInBrowser({ rounds: 5 })
  }, 600_000)

  test('every page reaches a usable phone field in every round', () => {
    const failed = results.runs.filter((run) => run.readyMs === null)
    expect(failed.map((run) => `${run.page}: ${run.error}`)).toEqual([])
  })

  test("otpkit's login reaches the code field after Send in every round", () => {
    const otpkit = results.runs.filter((run) => run.page === 'otpkit')
    expect(otpkit.filter((run) => run.sendToCodeMs === null).map((run) => run.error)).toEqual([])
  })

  // Both targets are met on a quiet machine; CI enforces the bounds in browserCeilings, which leave room
  // for a shared machine's noise (BENCHMARKS.md has the runs).
  test('otpkit adds at least 4× less time to a usable phone field than the vendor (CI bound 3×)', () => {
    const check = browserChecks(summarize(results))[0]
    expect(check?.held, check && describeCheck(check)).toBe(true)
  })

  test("otpkit's keystroke p95 is no worse than the vendor's (CI bound 1.5×)", () => {
    const check = browserChecks(summarize(results))[1]
    expect(check?.held, check && describeCheck(check)).toBe(true)
  })
})
