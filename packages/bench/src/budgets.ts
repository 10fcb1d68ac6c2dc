// The budgets from issue 6, in one place: the test suite enforces them and the report prints them.
import type { BundleSize } from './bundleSize'
import type { EntryId } from './entries'
import type { RequestCount } from './requests'

export const sizeBudgets = {
  // a and b from issue 11: a client with every behaviour the issues require (the 3,000 / 5,000 targets of
  // issue 6 were retired once measurements showed they could only be met by dropping required behaviour).
  headlessSend: 6_200,
  headlessFlow: 6_300,
  reactHooks: 8_000,
  phoneLoginAllChunks: 32_000,
  phoneLoginFirstPaint: 13_500,
  phoneLoginEveryCountry: 50_000,
} as const

export const requestBudgets = {
  construction: 0,
  loginOrCreate: 1,
  authenticate: 1,
  wholeLogin: 2,
  otherHosts: 0,
} as const

export interface BudgetCheck {
  label: string
  unit: 'gzip bytes' | 'requests' | 'ratio'
  /** Null when the figure could not be measured (which fails the budget). */
  measured: number | null
  limit: number
  /** The target is met. */
  ok: boolean
  /** Enforced instead of `limit` while the target is missed (the browser ratios' CI bounds); null otherwise. */
  ceiling: number | null
  /** Within the limit, or within the ceiling where one is set: what CI enforces. */
  held: boolean
}

const number = new Intl.NumberFormat('en-US')

function check(
  label: string,
  unit: BudgetCheck['unit'],
  measured: number | null,
  limit: number,
  ceiling: number | null = null,
): BudgetCheck {
  const within = (bound: number) => measured !== null && measured <= bound
  return { label, unit, measured, limit, ok: within(limit), ceiling, held: within(ceiling ?? limit) }
}

/** "a. headless …: 2,345 gzip bytes, budget 3,000 (655 under)". */
export function describeCheck({ label, unit, measured, limit, ceiling, ok }: BudgetCheck): string {
  if (measured === null) return `${label}: not measured, budget ${number.format(limit)} ${unit}`
  if (unit === 'ratio') {
    // Ratio budgets are "at least" for a speed-up and "at most" for a slow-down; the check knows which.
    const shown = Number.isFinite(measured) ? `${measured.toFixed(2)}×` : '∞ (otpkit adds nothing measurable)'
    const held = ceiling === null || ok ? '' : `; held at ${ceiling}× until it is met`
    return `${label}: ${shown}, budget ${limit}× (${ok ? 'met' : 'MISSED'}${held})`
  }
  const margin = limit - measured
  const verdict = margin >= 0 ? `${number.format(margin)} under` : `${number.format(-margin)} OVER`
  const held = ceiling === null ? '' : `; held under a ceiling of ${number.format(ceiling)} until it is met`
  return `${label}: ${number.format(measured)} ${unit}, budget ${number.format(limit)} (${verdict}${held})`
}

export function sizeChecks(bundles: Partial<Record<EntryId, BundleSize>>): BudgetCheck[] {
  const gzip = (id: EntryId, part: 'js' | 'firstPaint' | 'defaultCountries' | 'everyCountry') =>
    bundles[id]?.[part].gzip ?? null
  return [
    check(
      'a. headless client + loginOrCreate',
      'gzip bytes',
      gzip('headlessSend', 'js'),
      sizeBudgets.headlessSend,
    ),
    check('b. headless full flow', 'gzip bytes', gzip('headlessFlow', 'js'), sizeBudgets.headlessFlow),
    check(
      'c. provider + hooks (core included)',
      'gzip bytes',
      gzip('reactHooks', 'js'),
      sizeBudgets.reactHooks,
    ),
    check(
      'd. <PhoneLogin>, all chunks, default countries',
      'gzip bytes',
      gzip('phoneLogin', 'defaultCountries'),
      sizeBudgets.phoneLoginAllChunks,
    ),
    check(
      'd. <PhoneLogin>, before first paint',
      'gzip bytes',
      gzip('phoneLogin', 'firstPaint'),
      sizeBudgets.phoneLoginFirstPaint,
    ),
    check(
      'd. <PhoneLogin>, all chunks, every country allowed',
      'gzip bytes',
      gzip('phoneLogin', 'everyCountry'),
      sizeBudgets.phoneLoginEveryCountry,
    ),
  ]
}

export function requestChecks(count: RequestCount): BudgetCheck[] {
  const where = count.baseUrl === null ? 'default host' : `base URL ${count.baseUrl}`
  // A login that failed half-way says nothing about what a whole one costs.
  const ifLoggedIn = (value: number) => (count.loggedIn ? value : null)
  return [
    check(
      `requests on construction (${where})`,
      'requests',
      count.perPhase.construction,
      requestBudgets.construction,
    ),
    check(
      `requests on loginOrCreate (${where})`,
      'requests',
      count.perPhase.loginOrCreate,
      requestBudgets.loginOrCreate,
    ),
    check(
      `requests on authenticate (${where})`,
      'requests',
      ifLoggedIn(count.perPhase.authenticate),
      requestBudgets.authenticate,
    ),
    check(
      `requests for a whole login (${where})`,
      'requests',
      ifLoggedIn(count.wholeLogin),
      requestBudgets.wholeLogin,
    ),
    check(
      `requests to any other host (${where})`,
      'requests',
      count.otherHostRequests,
      requestBudgets.otherHosts,
    ),
  ]
}
