// The pre-built login in a jsdom page with React's profiling build: how long until it first renders and
// the phone field appears, and how many commits each typed digit costs. Requests sent meanwhile are
// counted too (a phone field has no reason to reach out to any host while a person types).
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { Profiler } from 'react'
import type { ProfilerOnRenderCallback, ReactNode } from 'react'
import { openPage } from './dom'
import type { Sdk } from './entries'
import { createRequestLog, installFetch } from './loggingFetch'

export interface RenderProfile {
  sdk: Sdk
  component: string
  /** From `root.render()` to React's first commit. */
  firstRenderMs: number
  /** From `root.render()` until the phone field is in the page. */
  phoneFieldMs: number
  /** Commits until the component went quiet after mounting (lazy chunks loaded). */
  mountCommits: number
  digits: string
  /** Commits caused by each typed digit. */
  commitsPerDigit: number[]
  /** What the field shows after the last digit. */
  finalValue: string
  /** Requests (fetches or elements with a src) sent while mounting and typing. */
  requests: number
  /** Each of them, as `METHOD url` (elements: `element url`). */
  requestList: string[]
  /** Set when the run could not complete; the figures above are then partial. */
  error?: string
}

export interface RenderOptions {
  digits?: string
  /** How long without a commit counts as "React is done". */
  quietMs?: number
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Resolves when `count()` has not changed for `quietMs`, or after `limitMs`. */
async function settle(count: () => number, quietMs: number, limitMs = 5_000): Promise<void> {
  const start = performance.now()
  let last = count()
  let lastChange = performance.now()
  while (performance.now() - start < limitMs) {
    await tick()
    if (count() !== last) {
      last = count()
      lastChange = performance.now()
    } else if (performance.now() - lastChange >= quietMs) {
      return
    }
  }
}

async function waitFor<T>(find: () => T | null, limitMs = 5_000): Promise<T | null> {
  const start = performance.now()
  for (;;) {
    const found = find()
    if (found !== null || performance.now() - start > limitMs) return found
    await tick()
  }
}

/** The SDK's pre-built SMS login inside its provider, with `wrap` (the Profiler) around the login itself. */
async function createLoginUi(
  sdk: Sdk,
  wrap: (ui: ReactNode) => ReactNode,
): Promise<{ component: string; app: ReactNode }> {
  if (sdk === 'otpkit') {
    const { createStytchClient } = await import('@otpkit/core')
    const { PhoneLogin, StytchProvider } = await import('@otpkit/react')
    const stytch = createStytchClient(DEMO_PUBLIC_TOKEN)
    return {
      component: '<PhoneLogin>',
      app: <StytchProvider stytch={stytch}>{wrap(<PhoneLogin />)}</StytchProvider>,
    }
  }
  const { OTPMethods, Products, StytchLogin, StytchProvider, createStytchClient } =
    await import('@stytch/react')
  const stytch = createStytchClient(DEMO_PUBLIC_TOKEN)
  const config = { products: [Products.otp], otpOptions: { methods: [OTPMethods.SMS], expirationMinutes: 2 } }
  return {
    component: '<StytchLogin> (OTP SMS only)',
    app: <StytchProvider stytch={stytch}>{wrap(<StytchLogin config={config} />)}</StytchProvider>,
  }
}

export async function profileLoginUi(sdk: Sdk, options: RenderOptions = {}): Promise<RenderProfile> {
  const { digits = '2015550123', quietMs = 150 } = options
  const emulator = createEmulator({})
  const page = openPage('http://localhost:3000/')
  const log = createRequestLog({ forward: emulator.fetch })
  const restoreFetch = installFetch(log.fetch)
  const { document } = page.window
  const stopWatching = page.watchElements(log.recordElement)

  // Imported only now: React reads the page's globals when it first renders.
  const { createRoot } = await import('react-dom/profiling')

  let commits = 0
  let firstCommitAt: number | undefined
  const onRender: ProfilerOnRenderCallback = () => {
    commits += 1
    firstCommitAt ??= performance.now()
  }
  const profile: RenderProfile = {
    sdk,
    component: '',
    firstRenderMs: Number.NaN,
    phoneFieldMs: Number.NaN,
    mountCommits: 0,
    digits,
    commitsPerDigit: [],
    finalValue: '',
    requests: 0,
    requestList: [],
  }
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  try {
    const { component, app } = await createLoginUi(sdk, (ui) => (
      <Profiler id="login" onRender={onRender}>
        {ui}
      </Profiler>
    ))
    profile.component = component
    const renderAt = performance.now()
    root.render(app)
    await waitFor(() => (firstCommitAt === undefined ? null : firstCommitAt))
    profile.firstRenderMs = (firstCommitAt ?? Number.NaN) - renderAt
    const findField = () =>
      container.querySelector<HTMLInputElement>('input[type="tel"], input[autocomplete^="tel"]')
    const field = await waitFor(findField)
    profile.phoneFieldMs = performance.now() - renderAt
    if (field === null) throw new Error('no phone field (input type="tel") appeared')
    await settle(() => commits, quietMs)
    profile.mountCommits = commits

    // A person types: each keystroke changes the value and fires `input`, which React listens to.
    const valueSetter = Object.getOwnPropertyDescriptor(page.window.HTMLInputElement.prototype, 'value')?.set
    for (const digit of digits) {
      const input = findField()
      if (input === null || valueSetter === undefined)
        throw new Error('the phone field went away while typing')
      const before = commits
      valueSetter.call(input, input.value + digit)
      input.dispatchEvent(new page.window.Event('input', { bubbles: true }))
      await settle(() => commits, 20)
      profile.commitsPerDigit.push(commits - before)
    }
    profile.finalValue = findField()?.value ?? ''
  } catch (cause) {
    profile.error = cause instanceof Error ? cause.message : String(cause)
  } finally {
    root.unmount()
    stopWatching()
    restoreFetch()
    page.close()
  }
  profile.requests = log.requests.length
  profile.requestList = log.requests.map((request) =>
    request.kind === 'element' ? `element ${request.url}` : `${request.method} ${request.url}`,
  )
  return profile
}
