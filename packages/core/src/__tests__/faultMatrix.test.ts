// The fault matrix: every call × every fault the emulator can inject, through its fault controls and
// its in-process fetch. For each cell: the exact error class and code, how many requests went out
// (sends are never retried; idempotent calls are, as documented), how many SMS, the session and user
// left as they were (or cleared, for revoke and session-ending errors), no token in any URL, error or
// console line, no unhandled rejection, and the same call working again once the fault ends.
// The outcomes are rendered as the matrix in RELIABILITY.md, and the last test keeps that table
// identical to what ran here (UPDATE_RELIABILITY=1 rewrites it).
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { Emulator, Fault } from '@otpkit/emulator'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createMemoryStorage,
  createStytchClient,
  isStytchError,
  StytchAPIError,
  StytchNetworkError,
  StytchSchemaError,
  StytchTimeoutError,
} from '../index'
import type { AuthenticateResponse, KeyValueStorage, StytchHeadlessClient } from '../index'

const PHONE = '+12025550162'
const SECOND_PHONE = '+12025550163'
const KEY = `stytch_sdk_state_${DEMO_PUBLIC_TOKEN}`
const TIMEOUT_MS = 2000

// ---------------------------------------------------------------------------------------------------
// Calls

interface Context {
  emulator: Emulator
  client: StytchHeadlessClient
  storage: KeyValueStorage
  requests: string[]
  auth?: AuthenticateResponse
  methodId?: string
  code?: string
}

interface Call {
  name: string
  path: string
  /** Signed in before the fault. */
  signedIn: boolean
  /** Idempotent: retried on network errors and 5xx. */
  retried: boolean
  /** Sends a message when it gets through. */
  sends: boolean
  /** What that message goes by, as the matrix names it. */
  channel?: 'WhatsApp'
  /** Clears the session whatever happens (revoke). */
  signsOut: boolean
  /** Extra setup after signing in (or not). */
  prepare?: (ctx: Context) => Promise<void>
  run: (ctx: Context, signal?: AbortSignal) => Promise<unknown>
}

const CALLS: Call[] = [
  {
    name: 'otps.sms.loginOrCreate',
    path: '/sdk/v1/otps/sms/login_or_create',
    signedIn: false,
    retried: false,
    sends: true,
    signsOut: false,
    run: (ctx, signal) => ctx.client.otps.sms.loginOrCreate(PHONE, { signal }),
  },
  {
    name: 'otps.sms.send (primary)',
    path: '/sdk/v1/otps/sms/send/primary',
    signedIn: false,
    retried: false,
    sends: true,
    signsOut: false,
    // The number must belong to a user for send/primary to send anything.
    prepare: async (ctx) => void (await ctx.client.otps.sms.loginOrCreate(PHONE)),
    run: (ctx, signal) => ctx.client.otps.sms.send(PHONE, { signal }),
  },
  {
    name: 'otps.sms.send (secondary)',
    path: '/sdk/v1/otps/sms/send/secondary',
    signedIn: true,
    retried: false,
    sends: true,
    signsOut: false,
    run: (ctx, signal) => ctx.client.otps.sms.send(SECOND_PHONE, { signal }),
  },
  {
    name: 'otps.whatsapp.loginOrCreate',
    path: '/sdk/v1/otps/whatsapp/login_or_create',
    signedIn: false,
    retried: false,
    sends: true,
    channel: 'WhatsApp',
    signsOut: false,
    run: (ctx, signal) => ctx.client.otps.whatsapp.loginOrCreate(PHONE, { signal }),
  },
  {
    name: 'otps.whatsapp.send (primary)',
    path: '/sdk/v1/otps/whatsapp/send/primary',
    signedIn: false,
    retried: false,
    sends: true,
    channel: 'WhatsApp',
    signsOut: false,
    prepare: async (ctx) => void (await ctx.client.otps.whatsapp.loginOrCreate(PHONE)),
    run: (ctx, signal) => ctx.client.otps.whatsapp.send(PHONE, { signal }),
  },
  {
    name: 'otps.whatsapp.send (secondary)',
    path: '/sdk/v1/otps/whatsapp/send/secondary',
    signedIn: true,
    retried: false,
    sends: true,
    channel: 'WhatsApp',
    signsOut: false,
    run: (ctx, signal) => ctx.client.otps.whatsapp.send(SECOND_PHONE, { signal }),
  },
  {
    name: 'otps.authenticate',
    path: '/sdk/v1/otps/authenticate',
    signedIn: false,
    retried: false,
    sends: false,
    signsOut: false,
    prepare: async (ctx) => {
      ctx.methodId = (await ctx.client.otps.sms.loginOrCreate(PHONE)).method_id
      ctx.code = ctx.emulator.messages().at(-1)!.code
    },
    run: (ctx, signal) =>
      ctx.client.otps.authenticate(ctx.code!, ctx.methodId!, { session_duration_minutes: 60, signal }),
  },
  {
    name: 'session.authenticate',
    path: '/sdk/v1/sessions/authenticate',
    signedIn: true,
    retried: true,
    sends: false,
    signsOut: false,
    run: (ctx, signal) => ctx.client.session.authenticate({ signal }),
  },
  {
    name: 'session.revoke',
    path: '/sdk/v1/sessions/revoke',
    signedIn: true,
    retried: false,
    sends: false,
    signsOut: true,
    run: (ctx, signal) => ctx.client.session.revoke({ signal }),
  },
  {
    name: 'user.get (users/me)',
    path: '/sdk/v1/users/me',
    signedIn: true,
    retried: true,
    sends: false,
    signsOut: false,
    run: (ctx, signal) => ctx.client.user.get({ signal }),
  },
]

// ---------------------------------------------------------------------------------------------------
// Faults and what each one must produce

type ErrorClass =
  'StytchTimeoutError' | 'StytchNetworkError' | 'StytchAPIError' | 'StytchSchemaError' | 'AbortError'

const CLASSES = {
  StytchTimeoutError,
  StytchNetworkError,
  StytchAPIError,
  StytchSchemaError,
} as const

interface FaultCase {
  name: string
  /** The fault, armed for three requests so a retried call meets it on every try. */
  arm: (path: string) => Fault
  /** The caller aborts 100 ms into the request. */
  abort?: boolean
  error: ErrorClass
  code: string
  status?: number
  retryAfter?: number
  /** Network failures and 5xx: what idempotent calls retry. */
  retryable: boolean
  /** The request reached the server and took effect before the failure. */
  tookEffect: boolean
  /** The server says the session is gone; the client clears it. */
  endsSession: boolean
}

const FAULTS: FaultCase[] = [
  {
    name: 'latency past the timeout',
    arm: (path) => ({ kind: 'latency', ms: 30_000, path, count: 3 }),
    error: 'StytchTimeoutError',
    code: 'timeout',
    retryable: false,
    tookEffect: false,
    endsSession: false,
  },
  {
    name: 'dropped connection',
    arm: (path) => ({ kind: 'drop', path, count: 3 }),
    error: 'StytchNetworkError',
    code: 'network_error',
    retryable: true,
    tookEffect: false,
    endsSession: false,
  },
  ...([500, 502, 503] as const).map((status): FaultCase => ({
    name: `${status}`,
    arm: (path) => ({ kind: 'status', status, path, count: 3 }),
    error: 'StytchAPIError',
    code: status === 503 ? 'service_unavailable' : 'internal_server_error',
    status,
    retryable: true,
    tookEffect: false,
    endsSession: false,
  })),
  {
    name: '429 with Retry-After',
    arm: (path) => ({ kind: 'rate_limit', retryAfter: 30, path, count: 3 }),
    error: 'StytchAPIError',
    code: 'too_many_requests',
    status: 429,
    retryAfter: 30,
    retryable: false,
    tookEffect: false,
    endsSession: false,
  },
  {
    name: 'HTML error page (502)',
    arm: (path) => ({ kind: 'html', status: 502, path, count: 3 }),
    error: 'StytchSchemaError',
    code: 'invalid_response',
    status: 502,
    retryable: true,
    tookEffect: false,
    endsSession: false,
  },
  {
    name: 'truncated JSON (200)',
    arm: (path) => ({ kind: 'truncated_json', path, count: 3 }),
    error: 'StytchSchemaError',
    code: 'invalid_response',
    status: 200,
    retryable: false,
    tookEffect: false,
    endsSession: false,
  },
  {
    name: '200 with the wrong shape',
    arm: (path) => ({ kind: 'wrong_shape', path, count: 3 }),
    error: 'StytchSchemaError',
    code: 'invalid_response',
    status: 200,
    retryable: false,
    tookEffect: false,
    endsSession: false,
  },
  {
    name: 'caller aborts',
    arm: (path) => ({ kind: 'latency', ms: 30_000, path, count: 3 }),
    abort: true,
    error: 'AbortError',
    code: 'AbortError',
    retryable: false,
    tookEffect: false,
    endsSession: false,
  },
  {
    name: 'offline mid-request (answer lost)',
    arm: (path) => ({ kind: 'offline', ms: 50, path, count: 3 }),
    error: 'StytchNetworkError',
    code: 'network_error',
    retryable: true,
    tookEffect: true,
    endsSession: false,
  },
  {
    name: '404 session_not_found',
    arm: (path) => ({ kind: 'status', status: 404, error_type: 'session_not_found', path, count: 3 }),
    error: 'StytchAPIError',
    code: 'session_not_found',
    status: 404,
    retryable: false,
    tookEffect: false,
    endsSession: true,
  },
]

interface Outcome {
  /** Null when the call resolved. */
  error: ErrorClass | null
  code: string | null
  status?: number
  retryAfter?: number
  tries: number
  sms: number
  state: 'kept' | 'cleared'
  recovery: 'same call' | 'sign in again' | 'new code'
}

function expected(call: Call, fault: FaultCase): Outcome {
  // revoke's answer is only {request_id, status_code}, which the wrong-shape fault still carries.
  const resolves = call.signsOut && fault.name === '200 with the wrong shape'
  const cleared = call.signsOut || (call.signedIn && fault.endsSession)
  return {
    error: resolves ? null : fault.error,
    code: resolves ? null : fault.code,
    ...(resolves || fault.status === undefined ? {} : { status: fault.status }),
    ...(fault.retryAfter === undefined ? {} : { retryAfter: fault.retryAfter }),
    tries: call.retried && fault.retryable ? 3 : 1,
    sms: call.sends && fault.tookEffect ? 1 : 0,
    state: cleared ? 'cleared' : 'kept',
    // A code the server already accepted is spent; a session already gone needs a new sign-in.
    recovery:
      call.path === '/sdk/v1/otps/authenticate' && fault.tookEffect
        ? 'new code'
        : cleared
          ? 'sign in again'
          : 'same call',
  }
}

// ---------------------------------------------------------------------------------------------------
// Harness

const observed = new Map<string, Outcome>()
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug'] as const

beforeAll(() => void process.on('unhandledRejection', onUnhandled))
afterAll(() => void process.off('unhandledRejection', onUnhandled))
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  for (const method of CONSOLE) vi.spyOn(console, method)
})
afterEach(async () => {
  vi.useRealTimers()
  // Let any stray rejection surface before checking.
  await new Promise((resolve) => setImmediate(resolve))
  expect(unhandled).toEqual([])
  for (const method of CONSOLE) expect(console[method]).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

async function setUp(call: Call): Promise<Context> {
  const emulator = createEmulator()
  const storage = createMemoryStorage()
  const requests: string[] = []
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => {
      requests.push(String(input))
      return emulator.fetch(input, init)
    },
    storage,
    timeoutMs: TIMEOUT_MS,
  })
  const ctx: Context = { emulator, client, storage, requests }
  if (call.signedIn) ctx.auth = await signIn(ctx)
  await call.prepare?.(ctx)
  return ctx
}

async function signIn(ctx: Context): Promise<AuthenticateResponse> {
  const { method_id } = await ctx.client.otps.sms.loginOrCreate(PHONE)
  const code = ctx.emulator.messages().at(-1)!.code
  return ctx.client.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown }

/** Runs a call to the end on fake time: retries and timeouts play out without waiting. */
async function drive(promise: Promise<unknown>): Promise<Settled> {
  let result: Settled | undefined
  promise.then(
    (value) => (result = { ok: true, value }),
    (error: unknown) => (result = { ok: false, error }),
  )
  for (let step = 0; step < 600 && result === undefined; step++) await vi.advanceTimersByTimeAsync(100)
  if (result === undefined) throw new Error('the call never settled')
  return result
}

function className(error: unknown): ErrorClass | 'unknown' {
  if (error instanceof DOMException && error.name === 'AbortError') return 'AbortError'
  for (const [name, cls] of Object.entries(CLASSES)) {
    if (error instanceof cls && (error as Error).name === name) return name as ErrorClass
  }
  return 'unknown'
}

/** Every way an error could show a secret: message, stack, string form, JSON, cause. */
function errorText(error: unknown): string {
  const e = error as Error & { cause?: unknown }
  return [e.message, e.stack, String(e), JSON.stringify(e), String(e.cause), JSON.stringify(e.cause)].join(
    '\n',
  )
}

const cellKey = (call: Call, fault: FaultCase) => `${fault.name}|${call.name}`

// ---------------------------------------------------------------------------------------------------
// The matrix

const cases = FAULTS.flatMap((fault) => CALLS.map((call) => [fault.name, call.name, fault, call] as const))

describe('fault matrix', () => {
  it.each(cases)('%s × %s', async (_f, _c, fault, call) => {
    const ctx = await setUp(call)
    const { emulator, client, storage, requests } = ctx
    const before = {
      session: client.session.getSync(),
      user: client.user.getSync(),
      tokens: client.session.getTokens(),
      snapshot: storage.getItem(KEY),
      sms: emulator.messages().length,
    }
    const changes: unknown[] = []
    client.session.onChange((s) => changes.push(s))
    const secrets = [
      DEMO_PUBLIC_TOKEN,
      ...(ctx.auth ? [ctx.auth.session_token, ctx.auth.session_jwt] : []),
      ...(ctx.code ? [ctx.code] : []),
    ]

    emulator.faults.add(fault.arm(call.path))
    requests.length = 0
    const controller = new AbortController()
    const pending = call.run(ctx, fault.abort ? controller.signal : undefined)
    if (fault.abort) {
      await vi.advanceTimersByTimeAsync(100)
      controller.abort()
    }
    const result = await drive(pending)
    const tries = requests.filter((url) => url.endsWith(call.path)).length
    const error = result.ok ? null : result.error

    // Exactly the expected error (or answer), and nothing but this call on the wire.
    const want = expected(call, fault)
    const outcome: Outcome = {
      error: error === null ? null : (className(error) as ErrorClass),
      code: error === null ? null : isStytchError(error) ? error.code : (error as Error).name,
      ...(error !== null && 'status_code' in (error as object)
        ? { status: (error as StytchAPIError).status_code }
        : {}),
      ...((error as StytchAPIError | null)?.retryAfter === undefined
        ? {}
        : { retryAfter: (error as StytchAPIError).retryAfter }),
      tries,
      sms: emulator.messages().length - before.sms,
      state: client.session.getSync() === null && before.session !== null ? 'cleared' : 'kept',
      recovery: want.recovery,
    }
    observed.set(cellKey(call, fault), outcome)
    expect(outcome).toEqual(want)
    expect(requests).toHaveLength(tries)
    if (error !== null && want.error !== 'AbortError') expect(isStytchError(error)).toBe(true)
    if (want.error === 'AbortError') expect(isStytchError(error)).toBe(false)

    // State: untouched, or cleared everywhere with one notification.
    if (want.state === 'kept') {
      expect(client.session.getSync()).toBe(before.session)
      expect(client.user.getSync()).toBe(before.user)
      expect(client.session.getTokens()).toEqual(before.tokens)
      expect(storage.getItem(KEY)).toBe(before.snapshot)
      expect(changes).toEqual([])
    } else {
      expect(client.session.getSync()).toBeNull()
      expect(client.user.getSync()).toBeNull()
      expect(client.session.getTokens()).toBeNull()
      expect(storage.getItem(KEY)).toBeNull()
      expect(changes).toEqual([null])
    }

    // Nothing secret in any URL or anything the error shows.
    for (const secret of secrets) {
      for (const url of requests) expect(url).not.toContain(secret)
      if (error !== null) expect(errorText(error)).not.toContain(secret)
    }

    // The fault ends; the same call (or the documented next step) works.
    emulator.faults.clear()
    const smsBefore = emulator.messages().length
    if (want.recovery === 'new code') await call.prepare!(ctx)
    if (want.recovery === 'sign in again') ctx.auth = await signIn(ctx)
    const recovered = await drive(call.run(ctx))
    expect(recovered).toMatchObject({ ok: true })
    if (call.sends) expect(emulator.messages().length).toBeGreaterThan(smsBefore)
    client.destroy()
  })
})

// ---------------------------------------------------------------------------------------------------
// Transient faults: idempotent calls ride them out

const TRANSIENT = FAULTS.filter((f) => f.retryable).map((f) => [f.name, f] as const)
const IDEMPOTENT = CALLS.filter((c) => c.retried)

describe('a transient fault (one request fails)', () => {
  it.each(
    TRANSIENT.flatMap(([name, fault]) => IDEMPOTENT.map((call) => [name, call.name, fault, call] as const)),
  )('%s × %s: retried once after 300 ms, then resolves', async (_f, _c, fault, call) => {
    const ctx = await setUp(call)
    const session = ctx.client.session.getSync()
    ctx.emulator.faults.add({ ...fault.arm(call.path), count: 1 })
    ctx.requests.length = 0
    const result = await drive(call.run(ctx))
    expect(result).toMatchObject({ ok: true })
    expect(ctx.requests.filter((url) => url.endsWith(call.path))).toHaveLength(2)
    expect(ctx.client.session.getSync()?.session_id).toBe(session?.session_id)
    observed.set(`transient|${fault.name}|${call.name}`, {
      error: null,
      code: null,
      tries: 2,
      sms: 0,
      state: 'kept',
      recovery: 'same call',
    })
    ctx.client.destroy()
  })
})

// ---------------------------------------------------------------------------------------------------
// The table in RELIABILITY.md

const SHORT: Record<ErrorClass, string> = {
  StytchTimeoutError: 'Timeout',
  StytchNetworkError: 'Network',
  StytchAPIError: 'API',
  StytchSchemaError: 'Schema',
  AbortError: 'AbortError',
}

function cell(outcome: Outcome, call: Call): string {
  const parts: string[] = []
  if (outcome.error === null) parts.push('resolves')
  else if (outcome.error === 'AbortError') parts.push('`AbortError`')
  else parts.push(`${SHORT[outcome.error]} \`${outcome.code}\``)
  if (outcome.status !== undefined) parts[0] += ` ${outcome.status}`
  if (outcome.retryAfter !== undefined) parts[0] += ` (retryAfter ${outcome.retryAfter})`
  parts.push(`${outcome.tries}×`)
  if (outcome.sms > 0) parts.push(`${outcome.sms} ${call.channel ?? 'SMS'}`)
  if (outcome.state === 'cleared') parts.push('cleared')
  if (outcome.recovery === 'sign in again') parts.push('↻ sign in')
  if (outcome.recovery === 'new code') parts.push('↻ new code')
  return parts.join(' · ')
}

function renderMatrix(): string {
  const header = `| fault | ${CALLS.map((c) => `\`${c.name}\``).join(' | ')} |`
  const rule = `| --- | ${CALLS.map(() => '---').join(' | ')} |`
  const rows = FAULTS.map((fault) => {
    const cells = CALLS.map((call) => {
      const outcome = observed.get(cellKey(call, fault))
      if (!outcome) throw new Error(`no outcome for ${cellKey(call, fault)}: run the whole file`)
      return cell(outcome, call)
    })
    return `| ${fault.name} | ${cells.join(' | ')} |`
  })
  const transientHeader = `| one failed request | ${IDEMPOTENT.map((c) => `\`${c.name}\``).join(' | ')} |`
  const transientRule = `| --- | ${IDEMPOTENT.map(() => '---').join(' | ')} |`
  const transientRows = TRANSIENT.map(([name]) => {
    const cells = IDEMPOTENT.map((call) => {
      const outcome = observed.get(`transient|${name}|${call.name}`)
      if (!outcome) throw new Error(`no transient outcome for ${name} × ${call.name}: run the whole file`)
      return cell(outcome, call)
    })
    return `| ${name} | ${cells.join(' | ')} |`
  })
  return [header, rule, ...rows, '', transientHeader, transientRule, ...transientRows].join('\n')
}

const RELIABILITY = fileURLToPath(new URL('../../../../RELIABILITY.md', import.meta.url))
const BEGIN =
  '<!-- core-fault-matrix:begin (generated by packages/core/src/__tests__/faultMatrix.test.ts) -->'
const END = '<!-- core-fault-matrix:end -->'

it('RELIABILITY.md shows exactly the matrix these tests asserted', () => {
  const table = renderMatrix()
  const doc = readFileSync(RELIABILITY, 'utf8')
  const start = doc.indexOf(BEGIN)
  const end = doc.indexOf(END)
  expect(start, `RELIABILITY.md needs the ${BEGIN} marker`).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  const current = doc.slice(start + BEGIN.length, end).trim()
  if (process.env.UPDATE_RELIABILITY === '1') {
    writeFileSync(RELIABILITY, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`)
    return
  }
  expect(current, 'run UPDATE_RELIABILITY=1 pnpm vitest run faultMatrix to regenerate').toBe(table)
})
