// @vitest-environment jsdom
// A server that changes a little must not cost a spent code. The answers below are real: captured
// from the emulator's in-process handler for every call. Each is then mutated field by field (deleted,
// set to null, given another type, and unknown fields added at the top and inside every object), and
// each mutation is one test, generated from the answer itself, so a field the emulator starts sending
// is covered without a new test. A mutation of a field core does not act on still sends or signs in,
// and the caller sees the value as received; a mutation of an essential field (shapes.ts) is a
// StytchSchemaError naming it, with memory, storage and cookies as they were.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { afterEach, describe, expect, it } from 'vitest'
import { createStytchClient, StytchSchemaError } from '../index'
import type { StytchHeadlessClient } from '../index'

const PHONE = '+12025550162'
const SECOND_PHONE = '+12025550163'
const KEY = `stytch_sdk_state_${DEMO_PUBLIC_TOKEN}`
const BASE = 'http://emulator.test/sdk/v1'
const WHATSAPP_SIGN_IN = '/otps/authenticate after a WhatsApp send'

// ---------------------------------------------------------------------------------------------------
// Real answers, one per call

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Runs a whole session against the emulator and keeps the `data` of every success, by path. */
async function captureAnswers(): Promise<Map<string, Json>> {
  const emulator = createEmulator()
  const answers = new Map<string, Json>()
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    cookie: { enabled: false },
    fetch: async (input, init) => {
      const response = await emulator.fetch(input, init)
      const body = (await response.clone().json()) as { data: Json }
      answers.set(new URL(String(input)).pathname.replace('/sdk/v1', ''), body.data)
      return response
    },
  })
  const { method_id } = await client.otps.sms.loginOrCreate(PHONE)
  await client.otps.sms.send(PHONE)
  const code = emulator.messages().at(-1)!.code
  await client.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
  const smsSignIn = answers.get('/otps/authenticate')!
  await client.session.authenticate()
  await client.user.get()
  await client.otps.sms.send(SECOND_PHONE)
  await client.otps.whatsapp.send(SECOND_PHONE)
  await client.session.revoke()
  // The same on WhatsApp: its sends, and a sign-in whose factor says whatsapp (kept under its own name,
  // as both sign-ins answer on one path).
  const whatsapp = await client.otps.whatsapp.loginOrCreate(PHONE)
  await client.otps.whatsapp.send(PHONE)
  await client.otps.authenticate(emulator.messages().at(-1)!.code, whatsapp.method_id, {
    session_duration_minutes: 60,
  })
  answers.set(WHATSAPP_SIGN_IN, answers.get('/otps/authenticate')!)
  answers.set('/otps/authenticate', smsSignIn)
  await client.session.revoke()
  client.destroy()
  localStorage.clear()
  return answers
}

const answers = await captureAnswers()

interface Call {
  name: string
  path: string
  /** Which captured answer to mutate, when not the one of `path`. */
  answer?: string
  signedIn: boolean
  /** The essential fields of the answer, as dotted paths (shapes.ts says why each one matters). */
  essential: string[]
  run: (client: StytchHeadlessClient) => Promise<unknown>
  /** What the caller gets back for answer `data`. */
  returned: (data: Json) => unknown
}

const SESSION_FIELDS = [
  'session_token',
  'session_jwt',
  'session',
  'session.session_id',
  'session.expires_at',
  'user',
  'user.user_id',
]
const asIs = (data: Json) => data

const CALLS: Call[] = [
  {
    name: 'otps.sms.loginOrCreate',
    path: '/otps/sms/login_or_create',
    signedIn: false,
    essential: ['method_id'],
    run: (client) => client.otps.sms.loginOrCreate(PHONE),
    returned: asIs,
  },
  {
    name: 'otps.sms.send (primary)',
    path: '/otps/sms/send/primary',
    signedIn: false,
    essential: ['method_id'],
    run: (client) => client.otps.sms.send(PHONE),
    returned: asIs,
  },
  {
    name: 'otps.sms.send (secondary)',
    path: '/otps/sms/send/secondary',
    signedIn: true,
    essential: ['method_id'],
    run: (client) => client.otps.sms.send(SECOND_PHONE),
    returned: asIs,
  },
  {
    name: 'otps.whatsapp.loginOrCreate',
    path: '/otps/whatsapp/login_or_create',
    signedIn: false,
    essential: ['method_id'],
    run: (client) => client.otps.whatsapp.loginOrCreate(PHONE),
    returned: asIs,
  },
  {
    name: 'otps.whatsapp.send (primary)',
    path: '/otps/whatsapp/send/primary',
    signedIn: false,
    essential: ['method_id'],
    run: (client) => client.otps.whatsapp.send(PHONE),
    returned: asIs,
  },
  {
    name: 'otps.whatsapp.send (secondary)',
    path: '/otps/whatsapp/send/secondary',
    signedIn: true,
    essential: ['method_id'],
    run: (client) => client.otps.whatsapp.send(SECOND_PHONE),
    returned: asIs,
  },
  {
    name: 'otps.authenticate (WhatsApp code)',
    path: '/otps/authenticate',
    answer: WHATSAPP_SIGN_IN,
    signedIn: false,
    essential: SESSION_FIELDS,
    run: (client) =>
      client.otps.authenticate('123456', 'phone-number-test-1', { session_duration_minutes: 60 }),
    returned: asIs,
  },
  {
    name: 'otps.authenticate',
    path: '/otps/authenticate',
    signedIn: false,
    essential: SESSION_FIELDS,
    run: (client) =>
      client.otps.authenticate('123456', 'phone-number-test-1', { session_duration_minutes: 60 }),
    returned: asIs,
  },
  {
    name: 'session.authenticate',
    path: '/sessions/authenticate',
    signedIn: true,
    essential: SESSION_FIELDS,
    run: (client) => client.session.authenticate(),
    returned: asIs,
  },
  {
    name: 'user.get',
    path: '/users/me',
    signedIn: true,
    essential: ['user_id'],
    run: (client) => client.user.get(),
    // users/me carries request_id and status_code beside the user; user.get returns the user alone.
    returned: (data) => {
      const { request_id: _r, status_code: _s, ...user } = data as Record<string, Json>
      return user
    },
  },
  {
    name: 'session.revoke',
    path: '/sessions/revoke',
    signedIn: true,
    essential: [],
    run: (client) => client.session.revoke(),
    returned: asIs,
  },
]

// ---------------------------------------------------------------------------------------------------
// Mutations, generated from an answer

interface Mutation {
  label: string
  /** The dotted path changed, or the object a field was added to ('' for the top level). */
  path: string
  apply: (data: Json) => Json
  /** Whether the mutation removes or breaks an essential field. */
  breaks: (essential: string[]) => boolean
}

const clone = (data: Json): Json => structuredClone(data)

/** Walks to the parent of `path` in a copy of `data` and lets `change` edit it. */
function edit(path: string[], change: (parent: Record<string, Json> | Json[], key: string) => void) {
  return (data: Json): Json => {
    const copy = clone(data)
    let parent = copy as Record<string, Json>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, Json>
    change(parent, path.at(-1)!)
    return copy
  }
}

/** A value of another JSON type than `value`. */
function retyped(value: Json): Json {
  if (typeof value === 'string') return 42
  if (typeof value === 'number') return 'forty-two'
  if (typeof value === 'boolean') return 'true'
  if (Array.isArray(value)) return { length: value.length }
  if (value === null) return 0
  return 'an object once'
}

function mutations(data: Json, path: string[] = []): Mutation[] {
  const result: Mutation[] = []
  const dotted = path.join('.')
  // An essential field breaks when it, or an object holding it, is changed.
  const touches = (essential: string[]) =>
    essential.some((field) => field === dotted || field.startsWith(`${dotted}.`))
  if (path.length > 0) {
    const key = path.at(-1)!
    result.push(
      {
        label: `${dotted} deleted`,
        path: dotted,
        apply: edit(path, (parent) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1)
          else delete parent[key]
        }),
        breaks: touches,
      },
      {
        label: `${dotted} null`,
        path: dotted,
        apply: edit(path, (parent) => ((parent as Record<string, Json>)[key] = null)),
        breaks: touches,
      },
      {
        label: `${dotted} another type`,
        path: dotted,
        apply: edit(path, (parent) => {
          const record = parent as Record<string, Json>
          record[key] = retyped(record[key]!)
        }),
        breaks: touches,
      },
    )
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    result.push({
      label: `unknown field added ${dotted ? `in ${dotted}` : 'at the top'}`,
      path: dotted,
      apply: (whole) => {
        const copy = clone(whole)
        let target = copy as Record<string, Json>
        for (const key of path) target = target[key] as Record<string, Json>
        target.field_from_the_future = { nested: [1, 'two', null] }
        return copy
      },
      breaks: () => false,
    })
    for (const [key, value] of Object.entries(data)) result.push(...mutations(value, [...path, key]))
  } else if (Array.isArray(data)) {
    data.forEach((value, index) => result.push(...mutations(value, [...path, String(index)])))
  }
  return result
}

// ---------------------------------------------------------------------------------------------------
// The suite

const clients: StytchHeadlessClient[] = []
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  localStorage.clear()
  for (const name of ['stytch_session', 'stytch_session_jwt']) {
    document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`
  }
})

/** A client whose fetch answers every path with its real answer, and `path` with `data`. */
async function clientAnswering(call: Call, data: Json): Promise<StytchHeadlessClient> {
  let signingIn = call.signedIn
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: async (input) => {
      const path = String(input).replace(BASE, '')
      const answer = path === call.path && !signingIn ? data : answers.get(path)
      return new Response(JSON.stringify({ data: answer }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    },
  })
  clients.push(client)
  if (signingIn) {
    await client.otps.authenticate('123456', 'phone-number-test-1', { session_duration_minutes: 60 })
    signingIn = false
  }
  return client
}

it('the emulator answered every call (the suite has something to mutate)', () => {
  for (const call of CALLS) expect(answers.get(call.answer ?? call.path), call.name).toBeDefined()
  // The WhatsApp sign-in is its own answer: its factor went by WhatsApp.
  expect(JSON.stringify(answers.get(WHATSAPP_SIGN_IN))).toContain('"delivery_method":"whatsapp"')
})

describe.each(CALLS.map((call) => [call.name, call] as const))('%s', (_name, call) => {
  const answer = answers.get(call.answer ?? call.path)
  const cases = mutations(answer ?? {}).map((m) => [m.label, m] as const)

  it.each(cases)('%s', async (_label, mutation) => {
    const data = mutation.apply(answer!)
    const client = await clientAnswering(call, data)
    const before = {
      session: client.session.getSync(),
      user: client.user.getSync(),
      stored: localStorage.getItem(KEY),
      cookies: document.cookie,
    }
    let value: unknown
    let error: unknown
    try {
      value = await call.run(client)
    } catch (caught) {
      error = caught
    }

    if (mutation.breaks(call.essential)) {
      expect(error).toBeInstanceOf(StytchSchemaError)
      expect(error).toMatchObject({ code: 'invalid_response', status_code: 200 })
      expect((error as Error).message).toContain(`data.${mutation.path}:`)
      // No half state: memory, storage and cookies as they were.
      expect(client.session.getSync()).toBe(before.session)
      expect(client.user.getSync()).toBe(before.user)
      expect(localStorage.getItem(KEY)).toBe(before.stored)
      expect(document.cookie).toBe(before.cookies)
      return
    }
    expect(error).toBeUndefined()
    // The caller sees the answer as received, whatever happened to the fields core does not read;
    // so do the session and user the client now holds.
    expect(value).toEqual(call.returned(data))
    const received = data as Record<string, Json>
    if (call.essential.includes('session_token')) {
      expect(client.session.getSync()).toEqual(received.session)
      expect(client.user.getSync()).toEqual(received.user)
      // Storage holds the session as received too, but for its factors (phone details), kept empty.
      const stored = JSON.parse(localStorage.getItem(KEY)!) as { session: Record<string, Json> }
      const { authentication_factors: _factors, ...rest } = received.session as Record<string, Json>
      expect(stored.session).toMatchObject(rest)
      expect(stored.session.authentication_factors ?? []).toEqual([])
    }
    if (call.path === '/users/me') expect(client.user.getSync()).toEqual(call.returned(data))
  })
})
