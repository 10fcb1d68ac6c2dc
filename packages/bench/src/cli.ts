// `pnpm bench`: every measurement for both SDKs, written to BENCHMARKS.md at the workspace root and
// printed. Exits non-zero when an otpkit budget is missed or the emulator returned errors, after writing.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { requestChecks, sizeChecks } from './budgets'
import type { BundleSize } from './bundleSize'
import { measureBundle } from './bundleSize'
import { runInChild } from './child'
import type { EmulatorLoad } from './emulatorLoad'
import { measureEmulatorLoad } from './emulatorLoad'
import type { EntryId, Sdk } from './entries'
import { entryFile, entrySpecs } from './entries'
import { describeMachine, packageVersions } from './machine'
import { workspaceDir } from './paths'
import type { RenderProfile } from './renders'
import type { BenchResults, BundleRow, Outcome } from './report'
import { renderReport } from './report'
import type { RequestCount } from './requests'
import type { WireTime } from './wireTime'

async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // One line, so that it fits a table cell; esbuild puts the useful part on its second line.
    return { ok: false, error: message.replace(/\s+/g, ' ').trim().slice(0, 400) }
  }
}

function step(text: string): void {
  process.stderr.write(`▶ ${text}\n`)
}

/** Cold runs of each login UI; the report shows the run with the median first render. */
const renderRuns = 3

async function medianRun(runs: number, run: () => Promise<RenderProfile>): Promise<RenderProfile> {
  const profiles: RenderProfile[] = []
  for (let index = 0; index < runs; index += 1) profiles.push(await run())
  profiles.sort((a, b) => a.firstRenderMs - b.firstRenderMs)
  const middle = profiles[Math.floor(profiles.length / 2)]
  if (middle === undefined) throw new Error('no render profile')
  return middle
}

/** A custom base URL with a port, as an app would give for a local emulator. */
const customBaseUrl = 'http://localhost:4010'

export async function main(args: string[]): Promise<void> {
  // --quick: shorter runs while working on the bench itself; the report says so.
  const quick = args.includes('--quick')
  const startedAt = new Date()
  const started = performance.now()
  const machine = describeMachine()

  step('bundle cost (esbuild)')
  const bundles: BundleRow[] = []
  for (const spec of entrySpecs) {
    const results = {} as Record<Sdk, Outcome<BundleSize>>
    for (const sdk of ['otpkit', 'vendor'] as const)
      results[sdk] = await attempt(() => measureBundle(entryFile(sdk, spec.id)))
    // Attribution only: the same entry bundled from the packages' sources shows which modules weigh.
    const sources = await attempt(() => measureBundle(entryFile('otpkit', spec.id), { fromSources: true }))
    bundles.push({ spec, results, sources })
  }

  step('requests (jsdom, one process per count)')
  const settleMs = quick ? 1_000 : 1_500
  const requestRuns: [Sdk, string | undefined][] = [
    ['otpkit', undefined],
    ['vendor', undefined],
    ['otpkit', customBaseUrl],
    ['vendor', customBaseUrl],
  ]
  const requests = await Promise.all(
    requestRuns.map(([sdk, baseUrl]) =>
      attempt(() =>
        runInChild<RequestCount>('requests', [sdk, String(settleMs), ...(baseUrl ? [baseUrl] : [])]),
      ),
    ),
  )

  step('time to the wire (both SDKs in one process)')
  const wireTime = await attempt(() => runInChild<WireTime[]>('wire-time', [String(quick ? 50 : 200)]))

  step('login UI renders (jsdom, React profiling build, one process per SDK)')
  const renders: Outcome<RenderProfile>[] = []
  for (const sdk of ['otpkit', 'vendor'] as const) {
    renders.push(
      await attempt(() => medianRun(renderRuns, () => runInChild<RenderProfile>('renders', [sdk]))),
    )
  }

  step('emulator throughput (loopback)')
  const emulatorLoad = await attempt<EmulatorLoad>(() =>
    measureEmulatorLoad({ clients: 50, durationMs: quick ? 3_000 : 10_000 }),
  )

  const otpkitBundles: Partial<Record<EntryId, BundleSize>> = {}
  for (const row of bundles) if (row.results.otpkit.ok) otpkitBundles[row.spec.id] = row.results.otpkit.value
  const budgets = [
    ...sizeChecks(otpkitBundles),
    ...requests.flatMap((outcome) =>
      outcome.ok && outcome.value.sdk === 'otpkit' ? requestChecks(outcome.value) : [],
    ),
  ]

  const results: BenchResults = {
    command: quick ? 'pnpm bench -- --quick (shortened run)' : 'pnpm bench',
    startedAt,
    durationSeconds: (performance.now() - started) / 1_000,
    machine,
    versions: packageVersions([
      '@otpkit/core',
      '@otpkit/react',
      '@otpkit/emulator',
      '@stytch/vanilla-js',
      '@stytch/react',
      'react',
      'react-dom',
      'esbuild',
      'jsdom',
    ]),
    bundles,
    requests,
    wireTime,
    renders,
    emulatorLoad,
    budgets,
    settleMs,
  }
  const markdown = renderReport(results)
  const target = join(workspaceDir, 'BENCHMARKS.md')
  writeFileSync(target, markdown)
  process.stdout.write(`${markdown}\nWritten to ${target}\n`)

  const failed = (name: string, outcome: Outcome<unknown>) =>
    outcome.ok ? [] : [`${name} failed: ${outcome.error}`]
  const problems = [
    ...budgets.filter((check) => !check.held).map((check) => `budget missed: ${check.label}`),
    ...requests.flatMap((outcome) => failed('a request count', outcome)),
    ...failed('time to the wire', wireTime),
    ...renders.flatMap((outcome) => failed('a render profile', outcome)),
    ...failed('the emulator load run', emulatorLoad),
    ...(emulatorLoad.ok && emulatorLoad.value.errors > 0 ? ['the emulator load run had errors'] : []),
  ]
  for (const check of budgets.filter((check) => check.held && !check.ok))
    process.stderr.write(`! target still missed (held at its ceiling): ${check.label}\n`)
  for (const problem of problems) process.stderr.write(`✗ ${problem}\n`)
  process.exit(problems.length > 0 ? 1 : 0)
}
