// The fault matrix for <PhoneLogin>: each fault the emulator injects, met by each of the three requests
// a person makes (send, resend, verify). For each: the right message in the step's live region, the
// person still on that step with the controls usable again, exactly one request (nothing retried
// behind their back), the typed error handed to onError, and a plain retry working once the fault
// ends. The outcomes become the component table in RELIABILITY.md (UPDATE_RELIABILITY=1 rewrites it).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { act, screen, waitFor } from '@testing-library/react'
import type { Fault } from '@otpkit/emulator'
import { isStytchError } from '@otpkit/core'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../../index'
import { createHarness, renderWith } from '../harness'

const SEND = '/sdk/v1/otps/sms/login_or_create'
const VERIFY = '/sdk/v1/otps/authenticate'
const TIMEOUT_MS = 400

const MESSAGES = {
  timeout: 'The server took too long to answer. Try again.',
  network: 'We could not reach the server. Check your connection and try again.',
  generic: 'Something went wrong. Try again.',
  genericWithId: /^Something went wrong\. Try again\. Request ID: request-id-test-[\w-]+$/,
  rateLimited: 'Too many attempts. Try again in 30 seconds.',
} as const

interface FaultCase {
  name: string
  arm: (path: string) => Fault
  message: keyof typeof MESSAGES
  /** The error onError receives. */
  error: { name: string; code: string }
  /** The request took effect on the server before the answer was lost (an SMS went out, a code was spent). */
  tookEffect?: boolean
  /** A 429: the buttons count down instead of being usable at once. */
  waits?: boolean
}

const FAULTS: FaultCase[] = [
  {
    name: 'latency past the timeout',
    arm: (path) => ({ kind: 'latency', ms: 5_000, path }),
    message: 'timeout',
    error: { name: 'StytchTimeoutError', code: 'timeout' },
  },
  {
    name: 'dropped connection',
    arm: (path) => ({ kind: 'drop', path }),
    message: 'network',
    error: { name: 'StytchNetworkError', code: 'network_error' },
  },
  {
    name: '500',
    arm: (path) => ({ kind: 'status', status: 500, path }),
    message: 'genericWithId',
    error: { name: 'StytchAPIError', code: 'internal_server_error' },
  },
  {
    name: '502',
    arm: (path) => ({ kind: 'status', status: 502, path }),
    message: 'genericWithId',
    error: { name: 'StytchAPIError', code: 'internal_server_error' },
  },
  {
    name: '503',
    arm: (path) => ({ kind: 'status', status: 503, path }),
    message: 'genericWithId',
    error: { name: 'StytchAPIError', code: 'service_unavailable' },
  },
  {
    name: '429 with Retry-After',
    arm: (path) => ({ kind: 'rate_limit', retryAfter: 30, path }),
    message: 'rateLimited',
    error: { name: 'StytchAPIError', code: 'too_many_requests' },
    waits: true,
  },
  {
    name: 'HTML error page (502)',
    arm: (path) => ({ kind: 'html', status: 502, path }),
    message: 'generic',
    error: { name: 'StytchSchemaError', code: 'invalid_response' },
  },
  {
    name: 'truncated JSON (200)',
    arm: (path) => ({ kind: 'truncated_json', path }),
    message: 'generic',
    error: { name: 'StytchSchemaError', code: 'invalid_response' },
  },
  {
    name: '200 with the wrong shape',
    arm: (path) => ({ kind: 'wrong_shape', path }),
    message: 'generic',
    error: { name: 'StytchSchemaError', code: 'invalid_response' },
  },
  {
    name: 'offline mid-request (answer lost)',
    arm: (path) => ({ kind: 'offline', ms: 20, path }),
    message: 'network',
    error: { name: 'StytchNetworkError', code: 'network_error' },
    tookEffect: true,
  },
]

type Action = 'send' | 'resend' | 'verify'
const observed = new Map<string, string>()
/** Polls often: the conditions waited on here are met within a few milliseconds. */
const quick = { interval: 5, timeout: 3000 }
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)

beforeAll(() => void process.on('unhandledRejection', onUnhandled))
afterAll(() => void process.off('unhandledRejection', onUnhandled))
afterEach(() => {
  vi.useRealTimers()
  expect(unhandled).toEqual([])
})

/** The text of the step's live region once the expected message is in it. */
async function expectMessage(fault: FaultCase): Promise<void> {
  const expected = MESSAGES[fault.message]
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(expected), quick)
}

describe('<PhoneLogin> fault matrix', () => {
  it.each(FAULTS.map((fault) => [fault.name, fault] as const))(
    '%s: send, resend and verify each explain it, send nothing extra, and work again after',
    async (_name, fault) => {
      // Fake time only where a countdown or the client's timeout has to pass (it is skipped instead of
      // waited out); real timers elsewhere.
      const timesOut = fault.message === 'timeout'
      const fakeTime = fault.waits === true || timesOut
      if (fakeTime) vi.useFakeTimers({ shouldAdvanceTime: true })
      // A short client timeout only where the timeout is the fault, so a busy machine cannot trip it.
      const clientOptions = timesOut ? { timeoutMs: TIMEOUT_MS } : {}
      const { emulator, stytch, requests, lastCode } = createHarness({}, clientOptions)
      const onError = vi.fn()
      const onSuccess = vi.fn()
      const { user } = renderWith(
        stytch,
        <PhoneLogin resendCooldownSeconds={0} onError={onError} onSuccess={onSuccess} />,
        { fakeTimers: fakeTime },
      )
      const count = (path: string) => requests.filter((p) => p === path).length
      const sms = () => emulator.messages().length

      /** Arms the fault, runs the action, checks the aftermath; returns the observed cell text. */
      async function meet(action: Action, press: () => Promise<void>, enabled: () => HTMLElement) {
        const path = action === 'verify' ? VERIFY : SEND
        const [requestsBefore, smsBefore, errorsBefore] = [count(path), sms(), onError.mock.calls.length]
        emulator.faults.add(fault.arm(path))
        await press()
        if (timesOut) {
          // Once the request is out (the client's timer starts before it), jump past the timeout.
          await waitFor(() => expect(count(path)).toBe(requestsBefore + 1), quick)
          await act(async () => {
            vi.advanceTimersByTime(TIMEOUT_MS)
          })
        }
        await expectMessage(fault)
        // One request, no retry; SMS only when the lost request had already gone through.
        expect(count(path)).toBe(requestsBefore + 1)
        const smsSent = sms() - smsBefore
        expect(smsSent).toBe(fault.tookEffect && action !== 'verify' ? 1 : 0)
        expect(onError).toHaveBeenCalledTimes(errorsBefore + 1)
        const error: unknown = onError.mock.calls.at(-1)?.[0]
        expect(isStytchError(error)).toBe(true)
        expect(error).toMatchObject(fault.error)
        if (fault.waits) {
          expect(enabled()).toHaveProperty('disabled', true)
          await act(async () => {
            vi.advanceTimersByTime(30_000)
          })
        }
        await waitFor(() => expect(enabled()).toHaveProperty('disabled', false), quick)
        observed.set(`${fault.name}|${action}`, cell(fault, smsSent))
      }

      // Send.
      await user.click(screen.getByLabelText('Phone number'))
      await user.paste('4155550123')
      const sendButton = () => screen.getByRole('button', { name: /^Send code/ })
      await meet('send', () => user.click(sendButton()), sendButton)
      expect(screen.getByLabelText('Phone number')).toBeTruthy()
      await user.click(sendButton())
      const codeInput = (await screen.findByLabelText('6-digit code', {}, quick)) as HTMLInputElement

      // Resend.
      const resendButton = () => screen.getByRole('button', { name: /^Resend code/ })
      await meet('resend', () => user.click(resendButton()), resendButton)
      expect(screen.getByLabelText('6-digit code')).toBe(codeInput)
      await user.click(resendButton())
      await waitFor(
        () => expect(screen.getByRole('status').textContent).toMatch(/A new code is on its way/),
        quick,
      )

      // Verify.
      const code = lastCode()
      const verifyButton = () => screen.getByRole('button', { name: 'Verify' })
      await meet(
        'verify',
        async () => {
          await user.click(codeInput)
          await user.paste(code)
        },
        verifyButton,
      )
      expect(screen.getByLabelText('6-digit code')).toBe(codeInput)
      expect(onSuccess).not.toHaveBeenCalled()
      if (fault.tookEffect) {
        // The server already spent that code: it says so, and a new code signs in.
        await user.click(verifyButton())
        await waitFor(
          () => expect(screen.getByRole('status').textContent).toMatch(/expired or was already used/),
          quick,
        )
        await user.click(resendButton())
        await waitFor(
          () => expect(screen.getByRole('status').textContent).toMatch(/A new code is on its way/),
          quick,
        )
        await user.click(codeInput)
        await user.paste(lastCode())
      } else if (codeInput.value === code) {
        await user.click(verifyButton())
      } else {
        await user.click(codeInput)
        await user.paste(code)
      }
      await screen.findByText('You are signed in.', {}, quick)
      expect(onSuccess).toHaveBeenCalledTimes(1)
    },
  )
})

// ---------------------------------------------------------------------------------------------------
// The caller aborting: for the component, that is unmounting mid-request.

describe('<PhoneLogin> unmounted mid-request (the caller aborts)', () => {
  it.each([
    ['send', SEND],
    ['verify', VERIFY],
  ] as const)(
    'during %s: no error is reported, nothing is retried, and a new mount works',
    async (action, path) => {
      const { emulator, stytch, requests, lastCode } = createHarness()
      const onError = vi.fn()
      const onEvent = vi.fn()
      const first = renderWith(stytch, <PhoneLogin onError={onError} onEvent={onEvent} />)
      await first.user.click(screen.getByLabelText('Phone number'))
      await first.user.paste('4155550123')
      if (action === 'verify') {
        await first.user.click(screen.getByRole('button', { name: 'Send code' }))
        await screen.findByLabelText('6-digit code')
      }
      emulator.faults.add({ kind: 'latency', ms: 2_000, path })
      if (action === 'send') await first.user.click(screen.getByRole('button', { name: 'Send code' }))
      else {
        await first.user.click(screen.getByLabelText('6-digit code'))
        await first.user.paste(lastCode())
      }
      await waitFor(() => expect(requests.filter((p) => p === path)).toHaveLength(1), quick)
      const eventsBefore = onEvent.mock.calls.length
      first.unmount()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(onError).not.toHaveBeenCalled()
      expect(onEvent).toHaveBeenCalledTimes(eventsBefore)
      // Still one request after the abort had time to play out, and no SMS from the aborted one.
      const made = requests.filter((p) => p === path).length
      const smsSent = emulator.messages().length - (action === 'send' ? 0 : 1)
      expect(made).toBe(1)
      expect(smsSent).toBe(0)
      observed.set(
        `caller aborts|${action}`,
        `unmount: no message, no onError · ${made} request · ${smsSent} SMS · new mount works ✓`,
      )

      emulator.faults.clear()
      const onSuccess = vi.fn()
      const second = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />)
      if (action === 'send') {
        await second.user.click(screen.getByLabelText('Phone number'))
        await second.user.paste('4155550123')
        await second.user.click(screen.getByRole('button', { name: 'Send code' }))
      }
      // After a sent code, a new mount in the same tab comes back to its code step: no second SMS.
      await second.user.click(await screen.findByLabelText('6-digit code'))
      await second.user.paste(lastCode())
      await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), quick)
      expect(emulator.messages()).toHaveLength(1)
    },
  )
})

// ---------------------------------------------------------------------------------------------------
// The table in RELIABILITY.md

const LABEL: Record<keyof typeof MESSAGES, string> = {
  timeout: '“took too long”',
  network: '“could not reach the server”',
  generic: '“something went wrong”',
  genericWithId: '“something went wrong” + request id',
  rateLimited: '“too many attempts, 30 s” countdown',
}

function cell(fault: FaultCase, smsSent: number): string {
  const parts = [LABEL[fault.message], '1 request']
  if (smsSent > 0) parts.push(`${smsSent} SMS`)
  parts.push(fault.waits ? 'retry after countdown ✓' : 'retry ✓')
  return parts.join(' · ')
}

function renderTable(): string {
  const actions: Action[] = ['send', 'resend', 'verify']
  const rows = FAULTS.map((fault) => {
    const cells = actions.map((action) => {
      const text = observed.get(`${fault.name}|${action}`)
      if (!text) throw new Error(`no outcome for ${fault.name} × ${action}: run the whole file`)
      return action === 'verify' && fault.tookEffect ? `${text} (code spent: new code ✓)` : text
    })
    return `| ${fault.name} | ${cells.join(' | ')} |`
  })
  const abort = (['send', 'verify'] as const).map((action) => {
    const text = observed.get(`caller aborts|${action}`)
    if (!text) throw new Error(`no outcome for caller aborts × ${action}: run the whole file`)
    return text
  })
  return [
    '| fault | send (phone step) | resend (code step) | verify (code step) |',
    '| --- | --- | --- | --- |',
    ...rows,
    `| caller aborts (unmount) | ${abort[0]} | — | ${abort[1]} |`,
  ].join('\n')
}

// A path, not `new URL(…)`: under jsdom the global URL is jsdom's, which node:url does not take.
const RELIABILITY = join(dirname(fileURLToPath(import.meta.url)), '../../../../../RELIABILITY.md')
const BEGIN =
  '<!-- react-fault-matrix:begin (generated by packages/react/src/__tests__/reliability/PhoneLogin.faultMatrix.test.tsx) -->'
const END = '<!-- react-fault-matrix:end -->'

it('RELIABILITY.md shows exactly the component matrix these tests asserted', () => {
  const table = renderTable()
  const doc = readFileSync(RELIABILITY, 'utf8')
  const start = doc.indexOf(BEGIN)
  const end = doc.indexOf(END)
  expect(start, `RELIABILITY.md needs the ${BEGIN} marker`).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  if (process.env.UPDATE_RELIABILITY === '1') {
    writeFileSync(RELIABILITY, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`)
    return
  }
  expect(doc.slice(start + BEGIN.length, end).trim(), 'run with UPDATE_RELIABILITY=1 to regenerate').toBe(
    table,
  )
})
