// The budgets of issue 6, enforced: run after `pnpm build`, against the built packages as an app
// imports them. Each budget is its own test, and its message gives the measured figure and the limit.
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import type { BudgetCheck } from '../budgets'
import { describeCheck, requestChecks, sizeChecks } from '../budgets'
import type { BundleSize } from '../bundleSize'
import { displayPath, measureBundle, packageOf } from '../bundleSize'
import { workerFile } from '../child'
import { measureEmulatorLoad } from '../emulatorLoad'
import type { EntryId } from '../entries'
import { entryFile, entrySpecs } from '../entries'
import type { RequestCount } from '../requests'
import { countLoginRequests } from '../requests'

/** `detail` says what the bytes are made of, for whoever has to bring a figure back under its budget. */
function expectWithin(check: BudgetCheck | undefined, detail?: string): void {
  if (check === undefined) throw new Error('no such budget')
  const message =
    detail === undefined ? describeCheck(check) : `${describeCheck(check)}; largest modules: ${detail}`
  expect(check.measured, message).not.toBeNull()
  expect(check.measured ?? Number.POSITIVE_INFINITY, message).toBeLessThanOrEqual(
    check.ceiling ?? check.limit,
  )
}

describe('bundle budgets (gzip -9 bytes)', () => {
  const bundles: Partial<Record<EntryId, BundleSize>> = {}
  const modules: Partial<Record<EntryId, string>> = {}
  const failures: string[] = []

  beforeAll(async () => {
    for (const spec of entrySpecs) {
      try {
        bundles[spec.id] = await measureBundle(entryFile('otpkit', spec.id))
        // dist/ is one file per package, so the modules are named from the same entry bundled from sources.
        const fromSources = await measureBundle(entryFile('otpkit', spec.id), { fromSources: true })
        const chunks = (bundles[spec.id]?.chunks ?? []).map(
          (chunk) =>
            `${chunk.file} ${chunk.gzip} B gzip${chunk.beforeFirstPaint ? '' : chunk.reachable ? ' (dynamic import)' : ' (never loaded, not counted)'}`,
        )
        const largest = fromSources.inputs
          .slice(0, 6)
          .map((input) => `${displayPath(input.path)} ${input.bytes} B minified`)
        modules[spec.id] = `${largest.join(', ')}; chunks: ${chunks.join(', ')}`
      } catch (error) {
        failures.push(`${spec.id}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  })

  test('every otpkit entry bundles from the built packages (run `pnpm build` first)', () => {
    expect(failures, failures.join('\n')).toEqual([])
    const fromSources = Object.values(bundles).flatMap((bundle) =>
      bundle.inputs
        .map((input) => input.path)
        .filter((path) => packageOf(path).startsWith('@otpkit/') && !path.includes('/dist/')),
    )
    expect(fromSources, 'otpkit inputs that did not come from dist/').toEqual([])
  })

  const checks = () => sizeChecks(bundles)
  test('a. headless client + SMS loginOrCreate ≤ 6,200', () =>
    expectWithin(checks()[0], modules.headlessSend))
  test('b. headless full flow ≤ 6,300', () => expectWithin(checks()[1], modules.headlessFlow))
  test('c. React provider + useStytch + useStytchSession, core included ≤ 8,000', () =>
    expectWithin(checks()[2], modules.reactHooks))
  test('d. <PhoneLogin>, all chunks ≤ 50,000', () => expectWithin(checks()[3], modules.phoneLogin))
  test('d. <PhoneLogin>, JavaScript before the first paint ≤ 20,000', () =>
    expectWithin(checks()[4], modules.phoneLogin))
})

describe.each([
  { where: 'the default API host', baseUrl: undefined },
  { where: 'a custom base URL with a port', baseUrl: 'http://localhost:4010' },
])('request budgets with $where', ({ baseUrl }) => {
  let count: RequestCount
  beforeAll(async () => {
    count = await countLoginRequests('otpkit', {
      settleMs: 750,
      ...(baseUrl === undefined ? {} : { baseUrl }),
    })
  })
  const checks = () => requestChecks(count)

  test('the login goes through (so the counts mean something)', () => {
    expect(count.error, `the login failed: ${count.error}`).toBeUndefined()
    expect(count.loggedIn).toBe(true)
  })
  test('0 requests on construction', () => expectWithin(checks()[0]))
  test('1 request for loginOrCreate', () => expectWithin(checks()[1]))
  test('1 request for authenticate', () => expectWithin(checks()[2]))
  test('2 requests for a whole login', () => expectWithin(checks()[3]))
  test('0 requests to any other host', () => expectWithin(checks()[4]))
})

describe('emulator under load', () => {
  test('50 concurrent clients get no errors (2 s of login_or_create + authenticate pairs)', async () => {
    expect(existsSync(workerFile), `${workerFile} is missing: run \`pnpm build\` first`).toBe(true)
    const load = await measureEmulatorLoad({ clients: 50, durationMs: 2_000 })
    expect(load.errors, `${load.errors} errors in ${load.pairs} pairs: ${load.errorSamples.join('; ')}`).toBe(
      0,
    )
    expect(load.pairs).toBeGreaterThan(0)
  })
})
