// One relay in front of one in-process emulator, per provider: the network is replaced only at its edge,
// the emulator's fetch handler. `call` speaks the public-token wire protocol as a browser would.
import {
  createEmulator,
  DEMO_MOONKEY_API_KEY,
  DEMO_PROJECT_ID,
  DEMO_SECRET,
  type Emulator,
  type EmulatorOptions,
} from '@otpkit/emulator'
import { createRelay, moonkey, stytchBackend, type RelayOptions } from '../index'

export const PUBLIC_TOKEN = 'public-token-test-relay-00000000-0000-4000-8000-000000000000'
export const APP = 'https://app.example.com'
export const PHONE = '+12025550162'
export const PROVIDERS = ['stytch-backend', 'moonkey'] as const
export type ProviderName = (typeof PROVIDERS)[number]
export const SECRETS = [DEMO_SECRET, DEMO_MOONKEY_API_KEY]

export interface Setup {
  emulator: Emulator
  relay: ReturnType<typeof createRelay>
  /** Every request the relay made to the provider, as `METHOD /path`. */
  providerCalls: string[]
  call(
    path: string,
    options?: {
      body?: unknown
      method?: string
      session?: string
      token?: string
      origin?: string
      ip?: string
      url?: string
    },
  ): Promise<Response>
  lastCode(to?: string): string
}

export function setUp(
  name: ProviderName,
  relayOptions: Partial<RelayOptions> = {},
  emulatorOptions: EmulatorOptions = {},
  providerOptions: { apiKey?: string; secret?: string; timeoutMs?: number } = {},
): Setup {
  const emulator = createEmulator(emulatorOptions)
  const providerCalls: string[] = []
  const edge: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    providerCalls.push(`${request.method} ${new URL(request.url).pathname}`)
    return emulator.fetch(request)
  }
  const transport = {
    baseUrl: 'http://127.0.0.1:8787',
    fetch: edge,
    timeoutMs: providerOptions.timeoutMs ?? 2000,
  }
  const provider =
    name === 'moonkey'
      ? moonkey({ apiKey: providerOptions.apiKey ?? DEMO_MOONKEY_API_KEY, ...transport })
      : stytchBackend({
          projectId: DEMO_PROJECT_ID,
          secret: providerOptions.secret ?? DEMO_SECRET,
          ...transport,
        })
  const relay = createRelay({ provider, publicToken: PUBLIC_TOKEN, ...relayOptions })
  return {
    emulator,
    relay,
    providerCalls,
    call(path, { body, method, session, token = PUBLIC_TOKEN, origin, ip, url } = {}) {
      const headers: Record<string, string> = {
        authorization: `Basic ${btoa(`${token}:${session ?? token}`)}`,
        'user-agent': 'relay-test/1.0',
      }
      if (origin) headers.origin = origin
      if (body !== undefined) headers['content-type'] = 'application/json'
      const request = new Request(url ?? `${APP}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return relay.fetch(request, { ip: ip ?? '203.0.113.7' })
    },
    lastCode(to = PHONE) {
      const message = emulator
        .messages()
        .filter((m) => m.to === to)
        .at(-1)
      if (!message) throw new Error(`no SMS to ${to}`)
      return message.code
    },
  }
}

/** Sends a code and signs in; returns the session token and the authenticate answer. */
export async function signIn(setup: Setup, phone = PHONE) {
  const sent = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: phone } })
  const { data } = (await sent.json()) as { data: { method_id: string } }
  const auth = await setup.call('/sdk/v1/otps/authenticate', {
    body: { token: setup.lastCode(phone), method_id: data.method_id, session_duration_minutes: 60 },
  })
  const body = (await auth.json()) as { data: Record<string, unknown> & { session_token: string } }
  return {
    methodId: data.method_id,
    status: auth.status,
    data: body.data,
    sessionToken: body.data.session_token,
  }
}
