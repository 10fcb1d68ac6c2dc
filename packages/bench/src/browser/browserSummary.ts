// Medians of the browser runs, the two ratio budgets on them, and the report's section.
import type { BudgetCheck } from '../budgets'
import type { BrowserResults, PageRun } from './browserBench'
import { conditions } from './browserBench'
import type { PageId } from './pages'

/** Ratios in the same run, since the machines are noisy: no absolute times are budgeted. */
export const browserBudgets = {
  /** The vendor's added time to a usable phone field ÷ otpkit's, at least. */
  addedTimeRatio: 4,
  /** otpkit's keystroke p95 ÷ the vendor's, at most. */
  keystrokeP95Ratio: 1,
} as const

/**
 * What CI enforces. Both targets are met on a quiet machine (BENCHMARKS.md), but not in every run: the
 * added-time ratio measured 3.8–5.8× across runs of this machine, and Event Timing reports key durations
 * in 8 ms steps, so one slow key more than the vendor's turns a tie (24 ms each) into 1.33×. The bounds
 * leave room for that noise and fail on a clear regression; every report says whether its run met the
 * target.
 */
export const browserCeilings = {
  addedTimeRatio: 3,
  keystrokeP95Ratio: 1.5,
} as const

export function median(values: number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

function percentile(values: number[], fraction: number): number | null {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? null
}

export interface PageSummary {
  page: PageId
  runs: number
  failedRuns: number
  readyMs: number | null
  /** Median over rounds of (this page's ready time − the baseline's in the same round). */
  addedMs: number | null
  longTasksBeforeReadyMs: number | null
  bytesBeforeReady: number | null
  keystrokeP50: number | null
  keystrokeP95: number | null
  sendToCodeMs: number | null
  /** Median per host over the runs. */
  traffic: { host: string; requests: number; bytes: number; failed: number }[]
  /** Hosts that could not be reached, with the median time they were first asked for. */
  unreachable: { host: string; atMs: number }[]
  /** The first failure, as it was reported. */
  error: string | null
  send: PageRun['send']
}

export function summarize(results: BrowserResults): PageSummary[] {
  const byPage = (page: PageId) => results.runs.filter((run) => run.page === page)
  const baselineByRound = byPage('baseline').map((run) => run.readyMs)
  return (['baseline', 'otpkit', 'vendor'] as const).map((page) => {
    const runs = byPage(page)
    const added = runs.map((run, round) => {
      const baseline = baselineByRound[round]
      return run.readyMs === null || baseline === null || baseline === undefined
        ? NaN
        : run.readyMs - baseline
    })
    const hosts = new Map<string, PageRun['traffic']>()
    for (const run of runs)
      for (const entry of run.traffic) hosts.set(entry.host, [...(hosts.get(entry.host) ?? []), entry])
    const unreachable = new Map<string, number[]>()
    for (const run of runs) {
      const seen = new Set<string>()
      for (const { url, atMs } of run.unreachable) {
        if (seen.has(url)) continue
        seen.add(url)
        unreachable.set(url, [...(unreachable.get(url) ?? []), atMs])
      }
    }
    return {
      page,
      runs: runs.length,
      failedRuns: runs.filter((run) => run.error !== undefined).length,
      readyMs: median(runs.map((run) => run.readyMs ?? NaN)),
      addedMs: page === 'baseline' ? 0 : median(added),
      longTasksBeforeReadyMs: median(runs.map((run) => run.longTasksBeforeReadyMs ?? NaN)),
      bytesBeforeReady: median(runs.map((run) => run.bytesBeforeReady ?? NaN)),
      // Over every keystroke of every run: a p95 of one run's 10 keys would be its slowest key alone.
      keystrokeP50: percentile(
        runs.flatMap((run) => run.keystrokeMs),
        0.5,
      ),
      keystrokeP95: percentile(
        runs.flatMap((run) => run.keystrokeMs),
        0.95,
      ),
      sendToCodeMs: median(runs.map((run) => run.sendToCodeMs ?? NaN)),
      traffic: [...hosts].map(([host, entries]) => ({
        host,
        requests: median(entries.map((entry) => entry.requests)) ?? 0,
        bytes: median(entries.map((entry) => entry.bytes)) ?? 0,
        failed: median(entries.map((entry) => entry.failed)) ?? 0,
      })),
      unreachable: [...unreachable].map(([host, times]) => ({ host, atMs: median(times) ?? 0 })),
      error: runs.find((run) => run.error !== undefined)?.error ?? null,
      send: runs.find((run) => run.send !== null)?.send ?? null,
    }
  })
}

function check(
  label: string,
  measured: number | null,
  limit: number,
  ceiling: number,
  atLeast: boolean,
): BudgetCheck {
  const within = (bound: number) => measured !== null && (atLeast ? measured >= bound : measured <= bound)
  return { label, unit: 'ratio', measured, limit, ok: within(limit), ceiling, held: within(ceiling) }
}

/** vendor ÷ otpkit; otpkit adding nothing measurable (≤ 0 ms) counts as an infinite ratio. */
export function addedTimeRatio(summaries: PageSummary[]): number | null {
  const otpkit = summaries.find((summary) => summary.page === 'otpkit')?.addedMs ?? null
  const vendor = summaries.find((summary) => summary.page === 'vendor')?.addedMs ?? null
  if (otpkit === null || vendor === null) return null
  return otpkit <= 0 ? Number.POSITIVE_INFINITY : vendor / otpkit
}

export function keystrokeRatio(summaries: PageSummary[]): number | null {
  const otpkit = summaries.find((summary) => summary.page === 'otpkit')?.keystrokeP95 ?? null
  const vendor = summaries.find((summary) => summary.page === 'vendor')?.keystrokeP95 ?? null
  if (otpkit === null || vendor === null || vendor === 0) return null
  return otpkit / vendor
}

export function browserChecks(summaries: PageSummary[]): BudgetCheck[] {
  return [
    check(
      'browser: time the vendor login adds to a usable phone field ÷ the time otpkit adds',
      addedTimeRatio(summaries),
      browserBudgets.addedTimeRatio,
      browserCeilings.addedTimeRatio,
      true,
    ),
    check(
      "browser: otpkit's keystroke p95 ÷ the vendor's",
      keystrokeRatio(summaries),
      browserBudgets.keystrokeP95Ratio,
      browserCeilings.keystrokeP95Ratio,
      false,
    ),
  ]
}

const integer = new Intl.NumberFormat('en-US')
const msCell = (value: number | null) => (value === null ? 'n/a' : `${integer.format(Math.round(value))} ms`)
const ratioCell = (vendor: number | null, otpkit: number | null) => {
  if (vendor === null || otpkit === null) return 'n/a'
  if (otpkit <= 0) return vendor > 0 ? '∞ (otpkit adds nothing measurable)' : 'n/a'
  return `${(vendor / otpkit).toFixed(1)}×`
}

/** Names the loopback servers by role; other hosts stay as they are. */
function hostRole(host: string): string {
  if (host === '127.0.0.1') return 'API (emulator, https://127.0.0.1)'
  if (host.startsWith('127.0.0.1:')) return 'app host (pages, loopback)'
  return host
}

export function browserSection(results: BrowserResults): string {
  const summaries = summarize(results)
  const get = (page: PageId) => summaries.find((summary) => summary.page === page)
  const otpkit = get('otpkit')
  const vendor = get('vendor')
  const baseline = get('baseline')
  const row = (label: string, pick: (summary: PageSummary) => number | null) => [
    label,
    msCell(baseline ? pick(baseline) : null),
    msCell(otpkit ? pick(otpkit) : null),
    msCell(vendor ? pick(vendor) : null),
    ratioCell(vendor ? pick(vendor) : null, otpkit ? pick(otpkit) : null),
  ]
  const vendorSend =
    vendor && vendor.sendToCodeMs === null
      ? `not reached: ${vendor.error ?? 'no code field'}${vendor.send ? ` (${integer.format(vendor.send.afterMs)} ms after Send)` : ''}`
      : msCell(vendor?.sendToCodeMs ?? null)
  const lines = [
    ['', 'baseline', 'otpkit', 'vendor', 'vendor ÷ otpkit'],
    ['---', '---', '---', '---', '---'],
    row('navigation → phone field usable (takes a typed digit)', (summary) => summary.readyMs),
    row('time added to the baseline', (summary) => summary.addedMs),
    row('of which: main-thread tasks over 50 ms before then', (summary) => summary.longTasksBeforeReadyMs),
    [
      'bytes on the wire before then',
      ...[baseline, otpkit, vendor].map((summary) =>
        summary?.bytesBeforeReady === null || summary === undefined
          ? 'n/a'
          : `${integer.format(summary.bytesBeforeReady)} B`,
      ),
      ratioCell(vendor?.bytesBeforeReady ?? null, otpkit?.bytesBeforeReady ?? null),
    ],
    row('keystroke latency p50 (10 digits)', (summary) => summary.keystrokeP50),
    row('keystroke latency p95 (10 digits)', (summary) => summary.keystrokeP95),
    [
      'Send → code field focused (API answers after 50 ms)',
      '—',
      msCell(otpkit?.sendToCodeMs ?? null),
      vendorSend,
      vendor?.sendToCodeMs ? ratioCell(vendor.sendToCodeMs, otpkit?.sendToCodeMs ?? null) : 'n/a',
    ],
  ].map((cells) => `| ${cells.join(' | ')} |`)
  const traffic = summaries.flatMap((summary) =>
    summary.traffic.map(
      (entry) =>
        `| ${summary.page} | ${hostRole(entry.host)} | ${entry.requests} | ${integer.format(entry.bytes)} | ${entry.failed} |`,
    ),
  )
  const unreachable = summaries.flatMap((summary) =>
    summary.unreachable.map(
      (entry) =>
        `- ${summary.page}: \`${entry.host}\`, first asked for ${msCell(entry.atMs)} after navigation`,
    ),
  )
  const failures = summaries
    .filter((summary) => summary.failedRuns > 0)
    .map(
      (summary) =>
        `- ${summary.page}: ${summary.failedRuns} of ${summary.runs} runs stopped early: ${summary.error}`,
    )
  const ratio = addedTimeRatio(summaries)
  const extraBytes = (otpkit?.bytesBeforeReady ?? 0) - (baseline?.bytesBeforeReady ?? 0)
  const extraTasks = (otpkit?.longTasksBeforeReadyMs ?? 0) - (baseline?.longTasksBeforeReadyMs ?? 0)
  const heldBack =
    ratio !== null && ratio < browserBudgets.addedTimeRatio
      ? `
**What holds otpkit's added time back** (target: at least ${browserBudgets.addedTimeRatio}× less than the vendor's; this run:
${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '∞'}). Against the baseline, otpkit's page moves ${integer.format(extraBytes)} more bytes before its field is usable
(about ${msCell((extraBytes * 8 * 1000) / conditions.downloadBitsPerSecond)} at ${conditions.downloadBitsPerSecond / 1e6} Mbps: its first-paint JavaScript, stylesheet and esbuild's
interop-helper chunk) and runs ${msCell(extraTasks)} more of main-thread tasks over 50 ms: evaluating and rendering the
first-paint code (the client and the phone step). Constructing the \`Intl.DisplayNames\` that names the
picker's countries costs ${msCell(results.displayNamesMs)} on a fresh page at this CPU slowdown, measured in the same run; otpkit
makes it when the page is idle after the first paint, as it does the flag-emoji check. The first paint's
size (its budget above) is the lever.
`
      : ''
  const keys = keystrokeRatio(summaries)
  const keysHeldBack =
    keys !== null && keys > browserBudgets.keystrokeP95Ratio
      ? `
**What holds otpkit's keystroke p95 back** (target: no worse than the vendor's; this run: ${keys.toFixed(2)}× the
vendor's). The p50s are ${msCell(baseline?.keystrokeP50 ?? null)} (baseline), ${msCell(otpkit?.keystrokeP50 ?? null)} (otpkit) and ${msCell(vendor?.keystrokeP50 ?? null)} (vendor); the p95s
${msCell(baseline?.keystrokeP95 ?? null)}, ${msCell(otpkit?.keystrokeP95 ?? null)} and ${msCell(vendor?.keystrokeP95 ?? null)}. The baseline page does nothing on a key but React's own
update of one field, so its p95 shows how far this machine's other work (load average in the header)
stretches single keys. On each key otpkit formats the number as you type (formatAsYouType.ts over
libphonenumber-js's metadata, under 1 ms a key once warm) and re-renders the whole login; the vendor formats nothing while typing (its
field keeps the digits as typed); the formatter is warmed with a sample number when the page is idle,
so that the first key does not build its patterns. CI enforces ${browserCeilings.keystrokeP95Ratio}× (one 8 ms step of Event Timing).
`
      : ''
  return `Chromium ${results.chromiumVersion} (playwright-core, Debian's \`/usr/bin/chromium\`), ${results.rounds} rounds,
each loading the three pages in turn in a fresh browser context (empty cache). CPU slowed ${conditions.cpuSlowdown}× (CDP
\`Emulation.setCPUThrottlingRate\`), network shaped with \`Network.emulateNetworkConditions\`: ${conditions.latencyMs} ms round
trip, ${conditions.downloadBitsPerSecond / 1e6} Mbps down, ${conditions.uploadBitsPerSecond / 1e3} kbps up. Each page is a production build by esbuild
(minified, code splitting, React bundled) served gzip-compressed from loopback; the API is the emulator behind
HTTPS on 127.0.0.1:443 (the vendor's client keeps only the host of a custom base URL and always uses HTTPS),
with login_or_create answered after ${conditions.apiDelayMs} ms. Every other host fails to resolve (Chromium's host resolver
rules), so nothing leaves the machine. Figures are medians of the ${results.rounds} rounds; "time added" is the median of
each round's difference from the baseline page, which is React (${integer.format(baseline?.traffic.reduce((sum, entry) => sum + entry.bytes, 0) ?? 0)} bytes on the wire) rendering a plain
labelled phone field. Keystroke latency is the Event Timing API's duration of each key's interaction
(keydown to the next paint; the API reports nothing under 16 ms, so such a key counts as 16 ms), typing
2015550123 one key every 250 ms into the cleared field; its p50 and p95 are taken over all the keys of all
the rounds (the p95 of one round's 10 keys would be its slowest key alone).

${lines.join('\n')}

${heldBack}${keysHeldBack}
Bytes and requests by host (medians per run, the whole run: load, typing and Send):

| page | host | requests | bytes on the wire | failed |
| --- | --- | --- | --- | --- |
${traffic.join('\n')}

Hosts a page asked for that cannot be reached here:

${unreachable.length > 0 ? unreachable.join('\n') : '- none'}
${
  vendor?.unreachable.some((entry) => entry.host === 'js.stytch.com')
    ? `
The vendor's login frames \`https://js.stytch.com/clientside-services/index.html\` and parses the phone number
through it (its \`PhoneInput\` calls \`clientsideServices.parsedPhoneNumber\`). With that host unreachable, Send
waited ${vendor.send ? integer.format(vendor.send.afterMs) : 'n/a'} ms, then sent \`phone_number: ${JSON.stringify(vendor.send?.phoneNumber ?? null)}\` and the API answered ${vendor.send?.status ?? 'n/a'}: the vendor's
Send → code time cannot be measured offline, and what it costs online (the frame's own download and
start-up) is not in its figures above.
`
    : ''
}${failures.length > 0 ? `\nRuns that stopped early:\n\n${failures.join('\n')}\n` : ''}`
}
