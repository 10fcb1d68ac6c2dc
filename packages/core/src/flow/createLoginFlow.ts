// The phone login as a small observer, in the shape of TanStack Query's MutationObserver: state in one
// immutable object, `subscribe` for views, actions that never reject. No framework in here; React's
// <PhoneLogin> and a hand-built DOM page are both views over it.
import { CHANNELS } from '../channels'
import { isStytchError } from '../errors'
import { maskPhone } from './maskPhone'
import { createSavedCodeStore, defaultSessionStorage } from './savedCode'
import type {
  LoginChannel,
  LoginFlow,
  LoginFlowClient,
  LoginFlowError,
  LoginFlowOptions,
  LoginFlowState,
  NumberLimits,
} from './types'

type Action = LoginFlowError['action']

/** By name only: an abort may come from another realm, and jsdom's DOMException is not an Error. */
const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError'

export function createLoginFlow(client: LoginFlowClient, options: LoginFlowOptions = {}): LoginFlow {
  let opts = options
  const saved = createSavedCodeStore(
    options.storage === undefined ? defaultSessionStorage() : options.storage,
  )
  const listeners = new Set<(state: LoginFlowState) => void>()
  const initial: LoginFlowState = {
    step: 'phone',
    channel: options.channel ?? 'sms',
    phone: null,
    maskedPhone: null,
    methodId: null,
    expiresAt: null,
    limits: {},
    wrongAttempts: 0,
    codeDead: false,
    error: null,
    notice: null,
    sending: false,
    resending: false,
    verifying: false,
    sentCount: 0,
  }
  // A code sent before a reload comes back as the code step, without sending anything.
  const restored = saved.read(Date.now())
  let state: LoginFlowState = restored
    ? {
        ...initial,
        step: 'code',
        channel: restored.channel,
        maskedPhone: restored.masked,
        methodId: restored.method_id,
        expiresAt: restored.expiresAt,
      }
    : initial

  let pending: Promise<void> | null = null
  let controller: AbortController | null = null
  let expiryTimer: ReturnType<typeof setTimeout> | undefined
  let stopSessionWatch: (() => void) | undefined

  const setState = (next: Partial<LoginFlowState>) => {
    state = { ...state, ...next }
    for (const listener of [...listeners]) listener(state)
  }
  const idle = { sending: false, resending: false, verifying: false }
  const seconds = (ms: number) => Math.ceil(ms / 1000)
  const setLimit = (phone: string | null, change: Partial<NumberLimits>) =>
    phone
      ? { ...state.limits, [phone]: { cooldownUntil: 0, retryUntil: 0, ...state.limits[phone], ...change } }
      : state.limits

  /**
   * Sets `send_limited` and returns true while `phone` must wait: a 429's Retry-After always, the
   * cool-down unless `cooldown` is false (a dead code may be replaced at once).
   */
  const mustWait = (phone: string | null, action: Action, cooldown: boolean): boolean => {
    const limits = phone ? state.limits[phone] : undefined
    const wait = Math.max(limits?.retryUntil ?? 0, (cooldown && limits?.cooldownUntil) || 0) - Date.now()
    if (wait > 0)
      setState({ error: { code: 'send_limited', action, phone, retryAfter: seconds(wait) }, notice: null })
    return wait > 0
  }

  /**
   * Puts a failed request into the state and reports it. A 429 starts that number's wait. `ownCode`
   * names what the flow concluded from it (a code killed by one wrong try too many).
   */
  const failed = (
    error: unknown,
    action: Action,
    phone: string | null,
    extra: Partial<LoginFlowState> = {},
    ownCode?: string,
  ) => {
    if (isAbort(error)) return setState(idle)
    const status = (error as { status_code?: unknown } | null)?.status_code
    const code = ownCode ?? (isStytchError(error) ? error.code : 'network_error')
    const rateLimited = status === 429 && code !== 'user_lock_limit_reached'
    const retryAfter =
      (error as { retryAfter?: number } | null)?.retryAfter ?? opts.resendCooldownSeconds ?? 30
    setState({
      ...idle,
      ...(rateLimited && { limits: setLimit(phone, { retryUntil: Date.now() + retryAfter * 1000 }) }),
      error: { code, action, phone, ...(rateLimited && { retryAfter }), cause: error },
      ...extra,
    })
    // Bad input is the caller's to show (nothing was sent); only failed requests are reported.
    if ((error as { name?: unknown } | null)?.name !== 'StytchUsageError')
      opts.onEvent?.({
        type: 'error',
        step: action === 'send' ? 'phone' : 'code',
        channel: state.channel,
        error,
      })
  }

  // The code's lifetime is watched only while someone is looking; submitCode checks it too.
  const watchExpiry = () => {
    clearTimeout(expiryTimer)
    if (listeners.size && state.step === 'code' && state.expiresAt !== null && !state.codeDead)
      expiryTimer = setTimeout(expire, state.expiresAt - Date.now())
  }
  const expire = () => {
    saved.clear()
    const error: LoginFlowError = { code: 'code_expired', action: 'verify', phone: state.phone }
    // Without the full number (restored after a reload) a new code needs the number again.
    setState(state.phone === null ? { ...toStart(), error } : { codeDead: true, error, notice: null })
  }

  /** Runs one request at a time: a call while one is in flight joins it and sends nothing. */
  const exclusive = (run: (signal: AbortSignal) => Promise<void>): Promise<void> => {
    if (pending) return pending
    const own = new AbortController()
    controller = own
    pending = run(own.signal).finally(() => {
      if (controller === own) pending = controller = null
    })
    return pending
  }
  const abort = () => {
    controller?.abort()
    pending = controller = null
    clearTimeout(expiryTimer)
  }

  const deliver = (action: 'send' | 'resend', phone: string, channel: LoginChannel) =>
    exclusive(async (signal) => {
      if (mustWait(phone, action, !(state.codeDead && action === 'resend'))) return
      setState({ [action === 'send' ? 'sending' : 'resending']: true, error: null, notice: null })
      // The autofill line is for channels whose message a browser can read; the rest apply to all.
      const autofill = CHANNELS[channel].webOtp
      try {
        const { method_id } = await client.otps[channel].loginOrCreate(phone, {
          expiration_minutes: opts.expirationMinutes,
          locale: opts.locale,
          enable_autofill: autofill ? opts.enableAutofill : undefined,
          autofill_session_duration_minutes: autofill ? opts.autofillSessionDurationMinutes : undefined,
          signal,
        })
        const now = Date.now()
        const expiresAt = now + (opts.expirationMinutes ?? 2) * 60_000
        const masked = opts.maskPhone?.(phone) ?? maskPhone(phone)
        saved.write({ method_id, channel, masked, expiresAt })
        setState({
          ...idle,
          step: 'code',
          channel,
          phone,
          maskedPhone: masked,
          methodId: method_id,
          expiresAt,
          limits: setLimit(phone, { cooldownUntil: now + (opts.resendCooldownSeconds ?? 30) * 1000 }),
          wrongAttempts: 0,
          codeDead: false,
          notice: action === 'resend' ? 'code_resent' : null,
          sentCount: state.sentCount + 1,
        })
        watchExpiry()
        const type = action === 'send' ? 'code_sent' : 'code_resent'
        opts.onEvent?.({ type, channel, phone_number: phone, method_id })
      } catch (error) {
        failed(error, action, phone)
      }
    })

  const newCode = async (channel: LoginChannel): Promise<void> => {
    if (state.step !== 'code') return
    if (state.phone !== null) return deliver('resend', state.phone, channel)
    setState({ error: { code: 'number_unknown', action: 'resend', phone: null }, notice: null })
  }

  /** The phone step, keeping what outlives a code: the channel, the number typed and every wait. */
  const toStart = (): LoginFlowState => ({ ...initial, channel: state.channel, limits: state.limits })

  return {
    getState: () => state,
    getInitialState: () => initial,

    subscribe(listener) {
      listeners.add(listener)
      if (listeners.size === 1) {
        // Sign-out anywhere (this tab, another tab, a session-ending error) starts the login over.
        stopSessionWatch = client.session.onChange((session) => {
          if (session === null && state.step === 'done') setState(toStart())
        })
        watchExpiry()
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size) return
        // The last view went away (unmounted): what it started is no longer wanted.
        stopSessionWatch?.()
        abort()
        state = { ...state, ...idle }
      }
    },

    setOptions(next) {
      opts = { ...opts, ...next }
    },

    send: ({ phone, channel = state.channel }) =>
      state.step === 'phone' ? deliver('send', phone, channel) : (pending ?? Promise.resolve()),

    resend: () => newCode(state.channel),

    async switchChannel(channel) {
      if (channel === state.channel || pending) return
      if (state.step === 'phone') setState({ channel })
      else await newCode(channel)
    },

    submitCode: (code) =>
      exclusive(async (signal) => {
        const { step, methodId, channel, phone } = state
        if (step !== 'code' || methodId === null) return
        if (!state.codeDead && state.expiresAt !== null && Date.now() >= state.expiresAt) return expire()
        if (state.codeDead) {
          // Nothing to ask the server: say again why, so a view can show it again.
          const again = state.error?.action === 'verify' ? state.error.code : 'too_many_wrong_codes'
          return setState({ error: { code: again, action: 'verify', phone }, notice: null })
        }
        if (mustWait(phone, 'verify', false)) return
        setState({ verifying: true, error: null, notice: null })
        try {
          const { session, user } = await client.otps.authenticate(code, methodId, {
            session_duration_minutes: opts.sessionDurationMinutes ?? 60,
            signal,
          })
          saved.clear()
          clearTimeout(expiryTimer)
          setState({ ...idle, step: 'done', error: null })
          const factor = session.authentication_factors.find(
            (f) => f.phone_number_factor,
          )?.phone_number_factor
          opts.onEvent?.({
            type: 'authenticated',
            channel,
            phone_number: phone ?? factor?.phone_number ?? '',
            method_id: methodId,
            session,
            user,
          })
        } catch (error) {
          const wrong = isStytchError(error) && error.code === 'otp_code_not_found'
          const wrongAttempts = state.wrongAttempts + (wrong ? 1 : 0)
          const killed = wrong && wrongAttempts >= (opts.maxWrongAttempts ?? 5)
          // Too many wrong tries, or the server calls it expired or used: only a new code helps now.
          const dead = killed || (isStytchError(error) && error.code === 'unable_to_auth_otp_code')
          if (dead) saved.clear()
          failed(
            error,
            'verify',
            phone,
            { wrongAttempts, codeDead: dead },
            killed ? 'too_many_wrong_codes' : undefined,
          )
        }
      }),

    changeNumber() {
      abort()
      saved.clear()
      setState({ ...toStart(), phone: state.phone, sentCount: state.sentCount })
    },

    reset() {
      abort()
      saved.clear()
      setState({ ...initial, limits: state.limits })
    },

    destroy() {
      abort()
      stopSessionWatch?.()
      listeners.clear()
    },
  }
}
