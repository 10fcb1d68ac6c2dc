// Turns one run's results into BENCHMARKS.md: tables first, then how they were measured.
import type { BudgetCheck } from './budgets'
import type { BrowserResults } from './browser/browserBench'
import { chromiumPath } from './browser/browserBench'
import { browserSection } from './browser/browserSummary'
import { describeCheck, sizeBudgets } from './budgets'
import type { BundleSize } from './bundleSize'
import { displayPath } from './bundleSize'
import type { EmulatorLoad } from './emulatorLoad'
import type { EntryId, EntrySpec, Sdk } from './entries'
import type { Machine } from './machine'
import type { RenderProfile } from './renders'
import type { RequestCount } from './requests'
import type { WireTime } from './wireTime'

/** A measurement, or why it could not be made. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }

export interface BundleRow {
  spec: EntrySpec
  results: Record<Sdk, Outcome<BundleSize>>
  /** otpkit's entry bundled from sources, to attribute bytes to modules. */
  sources: Outcome<BundleSize>
}

export interface BenchResults {
  command: string
  startedAt: Date
  durationSeconds: number
  machine: Machine
  versions: Record<string, string>
  bundles: BundleRow[]
  requests: Outcome<RequestCount>[]
  wireTime: Outcome<WireTime[]>
  renders: Outcome<RenderProfile>[]
  emulatorLoad: Outcome<EmulatorLoad>
  /** Null where there is no Chromium. */
  browser: Outcome<BrowserResults> | null
  budgets: BudgetCheck[]
  /** Real time waited after each step of a request count. */
  settleMs: number
}

const integer = new Intl.NumberFormat('en-US')
const bytes = (value: number) => integer.format(value)
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 3 : 1) : 'n/a')

function ratio(vendor: number | undefined, otpkit: number | undefined): string {
  if (vendor === undefined || otpkit === undefined || otpkit === 0) return 'n/a'
  return `${(vendor / otpkit).toFixed(1)}×`
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

type Part = 'js' | 'firstPaint' | 'defaultCountries' | 'everyCountry'

function sizeCell(outcome: Outcome<BundleSize>, part: Part, unit: 'gzip' | 'raw'): string {
  return outcome.ok ? bytes(outcome.value[part][unit]) : 'failed'
}

function value<T>(outcome: Outcome<T>): T | undefined {
  return outcome.ok ? outcome.value : undefined
}

const budgetFor: Record<EntryId, number> = {
  headlessSend: sizeBudgets.headlessSend,
  headlessFlow: sizeBudgets.headlessFlow,
  reactHooks: sizeBudgets.reactHooks,
  phoneLogin: sizeBudgets.phoneLoginAllChunks,
}

function bundleTable(rows: BundleRow[]): string {
  const body: string[][] = []
  for (const { spec, results } of rows) {
    // The vendor's login has no on-demand data: its "loaded with" figures are all its chunks.
    const parts: Part[] =
      spec.id === 'phoneLogin' ? ['defaultCountries', 'firstPaint', 'everyCountry', 'js'] : ['js']
    const partLabel: Record<Part, string> = {
      defaultCountries: 'all chunks a page with the default countries (US, CA) loads',
      firstPaint: 'before first paint',
      everyCountry: 'all chunks a page allowing every country loads',
      js: 'every chunk emitted, each country and language (never all loaded)',
    }
    const partBudget: Record<Part, number | undefined> = {
      defaultCountries: sizeBudgets.phoneLoginAllChunks,
      firstPaint: sizeBudgets.phoneLoginFirstPaint,
      everyCountry: sizeBudgets.phoneLoginEveryCountry,
      js: undefined,
    }
    for (const part of parts) {
      const label =
        spec.id === 'phoneLogin'
          ? `${spec.letter}. ${spec.label}, ${partLabel[part]}`
          : `${spec.letter}. ${spec.label}`
      const budget = spec.id === 'phoneLogin' ? partBudget[part] : budgetFor[spec.id]
      body.push([
        label,
        sizeCell(results.otpkit, part, 'gzip'),
        sizeCell(results.otpkit, part, 'raw'),
        sizeCell(results.vendor, part, 'gzip'),
        sizeCell(results.vendor, part, 'raw'),
        ratio(value(results.vendor)?.[part].gzip, value(results.otpkit)?.[part].gzip),
        budget === undefined ? '—' : `≤ ${bytes(budget)}`,
      ])
    }
  }
  return table(
    [
      'entry',
      'otpkit gzip',
      'otpkit raw',
      'vendor gzip',
      'vendor raw',
      'vendor ÷ otpkit (gzip)',
      'otpkit budget (gzip)',
    ],
    body,
  )
}

function compositionTable(rows: BundleRow[]): string {
  const describe = (outcome: Outcome<BundleSize>) => {
    if (!outcome.ok) return `failed: ${outcome.error.split('\n')[0] ?? ''}`
    return outcome.value.packages
      .slice(0, 4)
      .map((share) => `${share.path} ${bytes(share.bytes)}`)
      .join(', ')
  }
  return table(
    ['entry', 'otpkit: largest packages (minified bytes)', 'vendor: largest packages (minified bytes)'],
    rows.map(({ spec, results }) => [`${spec.letter}`, describe(results.otpkit), describe(results.vendor)]),
  )
}

function attributionTable(rows: BundleRow[]): string {
  const list = (inputs: BundleSize['inputs']) =>
    inputs
      .slice(0, 8)
      .map((input) => `${displayPath(input.path)} ${bytes(input.bytes)}`)
      .join(', ')
  const lines: string[][] = []
  for (const { spec, sources } of rows) {
    if (!sources.ok) {
      lines.push([spec.letter, `failed: ${sources.error}`])
      continue
    }
    lines.push([
      spec.id === 'phoneLogin' ? `${spec.letter}, all chunks` : spec.letter,
      list(sources.value.inputs),
    ])
    if (spec.id === 'phoneLogin')
      lines.push([`${spec.letter}, before first paint`, list(sources.value.firstPaintInputs)])
  }
  return table(
    ['entry', 'otpkit modules by minified bytes (bundled from sources, for attribution only)'],
    lines,
  )
}

/** Every chunk of entry d, and of any other entry that split into more than one file. */
function chunkTable(rows: BundleRow[]): string {
  const lines: string[][] = []
  for (const { spec, results } of rows) {
    for (const sdk of ['otpkit', 'vendor'] as const) {
      const outcome = results[sdk]
      if (!outcome.ok) continue
      const { chunks, css } = outcome.value
      if (spec.id !== 'phoneLogin' && chunks.length === 1 && css.raw === 0) continue
      // One row for the phone metadata chunks (67 groups of calling codes and 9 zone tables); a page
      // loads only its own.
      const perCallingCode = chunks.filter(
        (chunk) => chunk.data && ('callingCode' in chunk.data || 'zone' in chunk.data),
      )
      if (perCallingCode.length > 0) {
        const sum = (part: 'gzip' | 'raw') => perCallingCode.reduce((total, chunk) => total + chunk[part], 0)
        const one = perCallingCode.find(
          (chunk) => chunk.data && 'callingCode' in chunk.data && chunk.data.callingCode === '1',
        )
        lines.push([
          spec.letter,
          sdk,
          `${perCallingCode.length} phone metadata chunks (groups of calling codes, zone tables)${one ? ` (+1: ${bytes(one.gzip)} gzip)` : ''}`,
          bytes(sum('gzip')),
          bytes(sum('raw')),
          'no (dynamic import, only the allowed calling codes)',
        ])
      }
      for (const chunk of chunks) {
        if (chunk.data && ('callingCode' in chunk.data || 'zone' in chunk.data)) continue
        const when = chunk.beforeFirstPaint
          ? 'yes'
          : chunk.reachable
            ? 'no (dynamic import)'
            : 'never loaded (not counted)'
        lines.push([spec.letter, sdk, chunk.file, bytes(chunk.gzip), bytes(chunk.raw), when])
      }
      if (css.raw > 0) {
        lines.push([
          spec.letter,
          sdk,
          'stylesheet (not in the JS figures)',
          bytes(css.gzip),
          bytes(css.raw),
          'yes',
        ])
      }
    }
  }
  return table(['entry', 'SDK', 'chunk', 'gzip', 'raw', 'before first paint'], lines)
}

function requestTable(counts: Outcome<RequestCount>[]): string {
  const rows = counts.map((outcome) => {
    if (!outcome.ok) return ['failed', '', '', '', '', '', '', outcome.error.split('\n')[0] ?? '']
    const count = outcome.value
    return [
      count.sdk,
      count.baseUrl === null ? 'default' : `\`${count.baseUrl}\``,
      String(count.perPhase.construction),
      String(count.perPhase.loginOrCreate),
      String(count.perPhase.authenticate),
      count.loggedIn ? String(count.wholeLogin) : `${count.wholeLogin} (login failed: ${count.error ?? '?'})`,
      String(count.otherHostRequests),
      count.origins.map((origin) => `\`${origin}\``).join(', '),
    ]
  })
  return table(
    [
      'SDK',
      'base URL',
      'on construction',
      'on loginOrCreate',
      'on authenticate',
      'whole login',
      'to other hosts',
      'origins requested',
    ],
    rows,
  )
}

function requestDetail(counts: Outcome<RequestCount>[]): string {
  const lines: string[] = []
  for (const outcome of counts) {
    if (!outcome.ok) continue
    const count = outcome.value
    const where = count.baseUrl === null ? 'default host' : `base URL \`${count.baseUrl}\``
    lines.push(`- ${count.sdk}, ${where}:`)
    for (const request of count.requests) {
      const status = request.kind === 'element' ? 'page element' : (request.status ?? 'no answer')
      lines.push(`  - ${request.phase}: \`${request.method} ${request.url}\` → ${status}`)
    }
  }
  return lines.join('\n')
}

function wireTable(outcome: Outcome<WireTime[]>): string {
  if (!outcome.ok) return `Not measured: ${outcome.error}`
  return table(
    ['SDK', 'median', 'p95', 'min', 'max', 'first call after construction', 'calls', 'failed calls'],
    outcome.value.map((wire) => [
      wire.sdk,
      `${ms(wire.medianMs)} ms`,
      `${ms(wire.p95Ms)} ms`,
      `${ms(wire.minMs)} ms`,
      `${ms(wire.maxMs)} ms`,
      `${ms(wire.firstCallMs)} ms`,
      String(wire.calls),
      String(wire.failures),
    ]),
  )
}

function renderTable(outcomes: Outcome<RenderProfile>[]): string {
  const notes: string[] = []
  const rows = outcomes.map((outcome) => {
    if (!outcome.ok) return ['failed', '', '', '', '', '', outcome.error]
    const profile = outcome.value
    if (profile.error) notes.push(`${profile.component} stopped early: ${profile.error}`)
    if (profile.requestList.length > 0) {
      notes.push(
        `Requests from \`${profile.component}\`: ${profile.requestList.map((line) => `\`${line}\``).join(', ')}.`,
      )
    }
    const perDigit = profile.commitsPerDigit
    const sorted = [...perDigit].sort((a, b) => a - b)
    const medianCommits = sorted.length > 0 ? String(sorted[Math.floor(sorted.length / 2)]) : 'n/a'
    return [
      `\`${profile.component}\``,
      `${ms(profile.firstRenderMs)} ms`,
      `${ms(profile.phoneFieldMs)} ms`,
      String(profile.mountCommits),
      `${medianCommits} (max ${sorted.at(-1) ?? 'n/a'}; per digit: ${perDigit.join(', ')})`,
      `\`${profile.digits}\` → \`${profile.finalValue}\``,
      String(profile.requests),
    ]
  })
  const header = [
    'component',
    'first render',
    'phone field in the page',
    'commits while mounting',
    'commits per typed digit (median)',
    'typed → shown',
    'requests while mounting and typing',
  ]
  return [table(header, rows), ...notes].join('\n\n')
}

function loadTable(outcome: Outcome<EmulatorLoad>): string {
  if (!outcome.ok) return `Not measured: ${outcome.error}`
  const load = outcome.value
  const errors = load.errors === 0 ? '0' : `**${load.errors}** (${load.errorSamples.join('; ')})`
  return table(
    [
      'concurrent clients',
      'duration',
      'pairs',
      'pairs per second',
      'pairs in each second',
      'pair latency median',
      'pair latency p95',
      'errors',
    ],
    [
      [
        String(load.clients),
        `${load.durationMs / 1_000} s`,
        integer.format(load.pairs),
        integer.format(Math.round(load.pairsPerSecond)),
        load.pairsEachSecond.join(', '),
        `${ms(load.pairMedianMs)} ms`,
        `${ms(load.pairP95Ms)} ms`,
        errors,
      ],
    ],
  )
}

function budgetList(checks: BudgetCheck[]): string {
  const verdict = (check: BudgetCheck) => (check.ok ? 'met' : '**MISSED**')
  return checks.map((check) => `- ${verdict(check)}: ${describeCheck(check)}`).join('\n')
}

export function renderReport(results: BenchResults): string {
  const { machine } = results
  const versions = Object.entries(results.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')
  const imports = results.bundles
    .map(({ spec }) => `- ${spec.letter}. otpkit: ${spec.imports.otpkit}; vendor: ${spec.imports.vendor}.`)
    .join('\n')
  return `# Benchmarks

otpkit against the vendor SDK it stands in for, measured in the same run. Generated by \`${results.command}\`
on ${results.startedAt.toISOString()} in ${results.durationSeconds.toFixed(0)} s; do not edit by hand.

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}, Node ${machine.node};
load average ${machine.loadAverage} when the run started.
Packages: ${versions}.

## Budgets

${budgetList(results.budgets)}

## In a real browser

${
  results.browser === null
    ? `Not run: no Chromium at \`${chromiumPath}\`.`
    : results.browser.ok
      ? browserSection(results.browser.value)
      : `The browser run failed: ${results.browser.error}`
}

## 1. Bundle cost

esbuild, bundled, minified, ESM, platform browser, \`react\` and \`react-dom\` external, code splitting on;
gzip at level 9. otpkit is measured from the built packages (\`dist/\`), as an app would import them.

${bundleTable(results.bundles)}

What each entry imports (and uses, so that nothing is tree-shaken away):

${imports}

What the bytes are made of:

${compositionTable(results.bundles)}

Where otpkit's bytes go, module by module:

${attributionTable(results.bundles)}

Chunks of entry d, and of any entry that split. "Before first paint" is the entry chunk and everything
it imports statically; chunks behind a dynamic import load later and count in "all chunks". esbuild
also emits a chunk for every \`import()\` it scanned in code that tree shaking then removed; nothing
can load such a chunk, so it is listed as "never loaded" and not counted:

${chunkTable(results.bundles)}

## 2. Requests

Counted in jsdom with a logging fetch that forwards every request, by path, to the emulator's in-process
handler. Each step is followed by ${results.settleMs / 1_000} s of real time so that delayed work (telemetry) is counted in the
step that caused it. Elements put into the page with a \`src\` (scripts, iframes) would be fetched by a
browser and count too. "Default" uses each SDK's own host for a test token; the base URL row is how an
app points either SDK at its own domain or a local emulator. The emulator implements the SMS flow only,
so it answers the vendor's bootstrap, telemetry and session-check paths with 404; the vendor SDK then
carries on with its defaults, as it does whenever those calls fail.

${requestTable(results.requests)}

Every request:

${requestDetail(results.requests)}

## 3. Time to the wire

From calling \`loginOrCreate\` to the SDK calling \`fetch\`, with an API that answers every request after
50 ms; both SDKs in one process, one client each, calls made one after another.

${wireTable(results.wireTime)}

## 4. Login UI renders

jsdom, React's profiling build, \`<Profiler>\` around the component; a person's typing is an \`input\`
event per digit. "Commits" counts Profiler callbacks. Each UI is started 3 times, each time in a fresh
process (a cold page); the table shows the run with the median first render. jsdom lacks
\`matchMedia\`, which the vendor's UI needs: the page gets one where no query matches. Elements with a
\`src\` count as requests, as a browser would fetch them.

${renderTable(results.renders)}

## 5. Emulator throughput

\`startEmulatorServer\` on a loopback port in its own process; concurrent clients each loop over
\`POST /sdk/v1/otps/sms/login_or_create\` then \`POST /sdk/v1/otps/authenticate\` with the texted code, each
pair on a distinct valid US number.

${loadTable(results.emulatorLoad)}
`
}
