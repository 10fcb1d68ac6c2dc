// The phone login as a small observer, in the shape of TanStack Query's MutationObserver: state in one
// immutable object, `subscribe` for views, actions that never reject. No framework in here; React's
// <PhoneLogin> and a hand-built DOM page are both views over it.
import { isStytchAPIError, isStytchError, isStytchSchemaError, isStytchUsageError } from '../errors'
import type { SmsOptions } from '../types'
import { maskPhone as defaultMask } from './maskPhone'
import { createSavedCodeStore, defaultSessionStorage } from './savedCode'
import type {
  LoginChannel,
  LoginFlow,
  LoginFlowClient,
  LoginFlowError,
  LoginFlowEvent,
  LoginFlowOptions,
  LoginFlowState,
  NumberLimits,
} from './types'

const NO_LIMITS: NumberLimits = { cooldownUntil: 0, retryUntil: 0 }

/** By name only: an abort may come from another realm, and jsdom's DOMException is not an Error. */
const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'

const retryAfterOf = (error: unknown): number | undefined =>
  isStytchAPIError(error) || isStytchSchemaError(error) ? error.retryAfter : undefined

const isRateLimit = (error: unknown): boolean =>
  isStytchError(error) &&
  error.code !== 'user_lock_limit_reached' &&
  (error.code === 'too_many_requests' ||
    ((isStytchAPIError(error) || isStytchSchemaError(error)) && error.status_code === 429))

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
  let stopSessionWatch: (() => void) | null = null

  const setState = (next: Partial<LoginFlowState>) => {
    state = { ...state, ...next }
    for (const listener of [...listeners]) listener(state)
  }
  const emit = (event: LoginFlowEvent) => opts.onEvent?.(event)
  const limitsOf = (phone: string | null): NumberLimits => (phone && state.limits[phone]) || NO_LIMITS
  const withLimits = (phone: string, change: Partial<NumberLimits>) => ({
    ...state.limits,
    [phone]: { ...limitsOf(phone), ...change },
  })

  // The code's lifetime is watched only while someone is looking; actions check it too.
  const watchExpiry = () => {
    clearTimeout(expiryTimer)
    if (listeners.size === 0 || state.step !== 'code' || state.expiresAt === null || state.codeDead) return
    expiryTimer = setTimeout(expire, Math.max(0, state.expiresAt - Date.now()))
  }
  const expire = () => {
    saved.clear()
    const error: LoginFlowError = { code: 'code_expired', action: 'verify', phone: state.phone }
    // Without the full number (restored after a reload) a new code needs the number again.
    if (state.phone === null) setState({ ...initial, channel: state.channel, limits: state.limits, error })
    else setState({ codeDead: true, error, notice: null })
  }
  const expired = () => state.expiresAt !== null && Date.now() >= state.expiresAt

  /** Runs one request at a time: a second call while one is in flight joins it and sends nothing. */
  const exclusive = (run: (signal: AbortSignal) => Promise<void>): Promise<void> => {
    if (pending) return pending
    const own = new AbortController()
    controller = own
    pending = run(own.signal).finally(() => {
      if (controller === own) {
        controller = null
        pending = null
      }
    })
    return pending
  }

  const sendOptions = (channel: LoginChannel, signal: AbortSignal): SmsOptions => ({
    ...(opts.expirationMinutes !== undefined && { expiration_minutes: opts.expirationMinutes }),
    ...(opts.locale !== undefined && { locale: opts.locale }),
    // The autofill line is an SMS feature; other channels take the rest of the options alike.
    ...(channel === 'sms' && opts.enableAutofill !== undefined && { enable_autofill: opts.enableAutofill }),
    ...(channel === 'sms' &&
      opts.autofillSessionDurationMinutes !== undefined && {
        autofill_session_duration_minutes: opts.autofillSessionDurationMinutes,
      }),
    signal,
  })

  const deliver = (kind: 'send' | 'resend', phone: string, channel: LoginChannel) =>
    exclusive(async (signal) => {
      const action = kind
      const limits = limitsOf(phone)
      const now = Date.now()
      // A dead code may be replaced at once; otherwise the cool-down holds too. A 429 always holds.
      const until = Math.max(
        limits.retryUntil,
        state.codeDead && kind === 'resend' ? 0 : limits.cooldownUntil,
      )
      if (until > now) {
        const retryAfter = Math.ceil((until - now) / 1000)
        setState({ error: { code: 'send_limited', action, phone, retryAfter }, notice: null })
        return
      }
      setState({ [kind === 'send' ? 'sending' : 'resending']: true, error: null, notice: null })
      try {
        const sender = client.otps[channel]
        if (!sender) throw new TypeError(`This client has no otps.${channel}.`)
        const response = await sender.loginOrCreate(phone, sendOptions(channel, signal))
        const sentAt = Date.now()
        const expiresAt = sentAt + (opts.expirationMinutes ?? 2) * 60_000
        const masked = (opts.maskPhone ?? defaultMask)(phone)
        saved.write({ method_id: response.method_id, channel, masked, expiresAt })
        setState({
          step: 'code',
          channel,
          phone,
          maskedPhone: masked,
          methodId: response.method_id,
          expiresAt,
          limits: withLimits(phone, { cooldownUntil: sentAt + (opts.resendCooldownSeconds ?? 30) * 1000 }),
          wrongAttempts: 0,
          codeDead: false,
          notice: kind === 'resend' ? 'code_resent' : null,
          sending: false,
          resending: false,
          sentCount: state.sentCount + 1,
        })
        watchExpiry()
        emit({
          type: kind === 'send' ? 'code_sent' : 'code_resent',
          channel,
          phone_number: phone,
          method_id: response.method_id,
        })
      } catch (error) {
        if (isAbort(error)) return setState({ sending: false, resending: false })
        const rateLimited = isRateLimit(error)
        const retryAfter = retryAfterOf(error)
        const wait = retryAfter ?? opts.resendCooldownSeconds ?? 30
        setState({
          sending: false,
          resending: false,
          ...(rateLimited && { limits: withLimits(phone, { retryUntil: Date.now() + wait * 1000 }) }),
          error: {
            code: isStytchError(error) ? error.code : 'network_error',
            action,
            phone,
            ...(rateLimited && { retryAfter: wait }),
            cause: error,
          },
        })
        // Bad input is the caller's to show; only failed requests are reported.
        if (!isStytchUsageError(error))
          emit({ type: 'error', step: kind === 'send' ? 'phone' : 'code', channel, error })
      }
    })

  const newCode = (channel: LoginChannel): Promise<void> => {
    if (state.step !== 'code') return Promise.resolve()
    if (state.phone === null) {
      setState({ error: { code: 'number_unknown', action: 'resend', phone: null }, notice: null })
      return Promise.resolve()
    }
    return deliver('resend', state.phone, channel)
  }

  const toPhoneStep = (): Partial<LoginFlowState> => ({
    ...initial,
    channel: state.channel,
    phone: state.phone,
    limits: state.limits,
    sentCount: state.sentCount,
  })

  const abort = () => {
    controller?.abort()
    controller = null
    pending = null
  }

  const flow: LoginFlow = {
    getState: () => state,
    getInitialState: () => initial,

    subscribe(listener) {
      listeners.add(listener)
      if (listeners.size === 1) {
        // Sign-out anywhere (this tab, another tab, a session-ending error) starts the login over.
        stopSessionWatch = client.session.onChange((session) => {
          if (session === null && state.step === 'done') {
            saved.clear()
            setState({ ...toPhoneStep(), phone: null })
          }
        })
        watchExpiry()
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return
        // The last view went away (unmounted): what it started is no longer wanted.
        stopSessionWatch?.()
        stopSessionWatch = null
        clearTimeout(expiryTimer)
        abort()
        if (state.sending || state.resending || state.verifying)
          state = { ...state, sending: false, resending: false, verifying: false }
      }
    },

    setOptions(next) {
      opts = { ...opts, ...next }
    },

    send({ phone, channel = state.channel }) {
      if (state.step !== 'phone') return pending ?? Promise.resolve()
      return deliver('send', phone, channel)
    },

    resend: () => newCode(state.channel),

    switchChannel(channel) {
      if (channel === state.channel) return Promise.resolve()
      if (state.step === 'phone') {
        if (!pending) setState({ channel })
        return Promise.resolve()
      }
      return newCode(channel)
    },

    submitCode(code) {
      return exclusive(async (signal) => {
        if (state.step !== 'code' || state.methodId === null) return
        if (!state.codeDead && expired()) return expire()
        if (state.codeDead) {
          // Nothing to ask the server: repeat why, so a view can say it again.
          const code = state.error?.action === 'verify' ? state.error.code : 'too_many_wrong_codes'
          return setState({ error: { code, action: 'verify', phone: state.phone }, notice: null })
        }
        const { retryUntil } = limitsOf(state.phone)
        if (retryUntil > Date.now()) {
          const retryAfter = Math.ceil((retryUntil - Date.now()) / 1000)
          return setState({
            error: { code: 'send_limited', action: 'verify', phone: state.phone, retryAfter },
          })
        }
        const { methodId, channel } = state
        setState({ verifying: true, error: null, notice: null })
        try {
          const response = await client.otps.authenticate(code, methodId, {
            session_duration_minutes: opts.sessionDurationMinutes ?? 60,
            signal,
          })
          saved.clear()
          clearTimeout(expiryTimer)
          setState({ step: 'done', verifying: false, error: null })
          const factor = response.session.authentication_factors.find((f) => f.phone_number_factor)
          emit({
            type: 'authenticated',
            channel,
            phone_number: state.phone ?? factor?.phone_number_factor?.phone_number ?? '',
            method_id: methodId,
            session: response.session,
            user: response.user,
          })
        } catch (error) {
          if (isAbort(error)) return setState({ verifying: false })
          const errorCode = isStytchError(error) ? error.code : 'network_error'
          const wrong = errorCode === 'otp_code_not_found'
          const wrongAttempts = state.wrongAttempts + (wrong ? 1 : 0)
          const killed = wrong && wrongAttempts >= (opts.maxWrongAttempts ?? 5)
          const dead = killed || errorCode === 'unable_to_auth_otp_code'
          if (dead) {
            saved.clear()
            clearTimeout(expiryTimer)
          }
          const rateLimited = isRateLimit(error)
          const wait = retryAfterOf(error) ?? opts.resendCooldownSeconds ?? 30
          setState({
            verifying: false,
            wrongAttempts,
            codeDead: state.codeDead || dead,
            ...(rateLimited &&
              state.phone && { limits: withLimits(state.phone, { retryUntil: Date.now() + wait * 1000 }) }),
            error: {
              code: killed ? 'too_many_wrong_codes' : errorCode,
              action: 'verify',
              phone: state.phone,
              ...(rateLimited && { retryAfter: wait }),
              cause: error,
            },
          })
          if (!isStytchUsageError(error)) emit({ type: 'error', step: 'code', channel, error })
        }
      })
    },

    changeNumber() {
      abort()
      saved.clear()
      clearTimeout(expiryTimer)
      setState(toPhoneStep())
    },

    reset() {
      abort()
      saved.clear()
      clearTimeout(expiryTimer)
      setState({ ...initial, limits: state.limits })
    },

    destroy() {
      abort()
      clearTimeout(expiryTimer)
      stopSessionWatch?.()
      stopSessionWatch = null
      listeners.clear()
    },
  }
  return flow
}
