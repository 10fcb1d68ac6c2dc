// RS256 session JWTs and the key set that checks them, as the vendor's clients and jose use it.
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { Client } from 'stytch'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createEmulator, DEMO_PROJECT_ID, type Emulator } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { BASE, backend, decodeJwt, expectErrorShape, signIn } from './helpers'

let server: EmulatorServer
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, log: false })
})
afterAll(async () => {
  await server.close()
})

const jwksUrl = (projectId = DEMO_PROJECT_ID) => `${server.url}/v1/sessions/jwks/${projectId}`

/** The vendor's Node client, pointed at the emulator through `env` (it refuses an http `custom_base_url`). */
function nodeClient(): Client {
  // The client warns once that `env` is not one of its two hosts; that is the documented way in.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    return new Client({
      project_id: DEMO_PROJECT_ID,
      secret: server.emulator.config.secret,
      env: `${server.url}/`,
    })
  } finally {
    expect(warn.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringContaining("custom 'env' value") as string,
    ])
    warn.mockRestore()
  }
}

describe('session JWTs', () => {
  it('are RS256 with the kid of the key set, the vendor issuer and audience, and the session claim', async () => {
    const emulator: Emulator = createEmulator()
    const { session_jwt, session, user_id } = await signIn(emulator)
    const { header, payload } = decodeJwt(session_jwt)
    const { json } = await backend(emulator.fetch, `/sessions/jwks/${DEMO_PROJECT_ID}`, undefined, {
      auth: null,
    })
    const keys = json.keys as Record<string, unknown>[]
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: keys[0]?.kid })
    expect(payload).toMatchObject({
      sub: user_id,
      iss: `stytch.com/${DEMO_PROJECT_ID}`,
      aud: [DEMO_PROJECT_ID],
      'https://stytch.com/session': {
        id: session.session_id,
        started_at: session.started_at,
        expires_at: session.expires_at,
        authentication_factors: session.authentication_factors,
        roles: ['stytch_user'],
      },
    })
    expect((payload.exp as number) - (payload.iat as number)).toBe(300)
  })

  it('the key set is public, holds one RSA signing key and no private part', async () => {
    const response = await fetch(jwksUrl())
    expect(response.status).toBe(200)
    const body = (await response.json()) as { keys: Record<string, unknown>[]; status_code: number }
    expect(body.status_code).toBe(200)
    expect(body.keys).toEqual([
      {
        kty: 'RSA',
        use: 'sig',
        key_ops: ['verify'],
        alg: 'RS256',
        kid: expect.stringMatching(/^jwk-test-[0-9a-f-]{36}$/) as string,
        x5c: [],
        x5tS256: '',
        n: expect.stringMatching(/^[A-Za-z0-9_-]{342}$/) as string, // 2048 bits
        e: 'AQAB',
      },
    ])
    for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(body.keys[0]).not.toHaveProperty(part)
  })

  it('another project id is a 404', async () => {
    const response = await fetch(jwksUrl('project-test-00000000-0000-4000-8000-000000000000'))
    expect(response.status).toBe(404)
    expectErrorShape((await response.json()) as Record<string, unknown>, 404, 'project_not_found')
  })

  it('verify with jose against the served key set', async () => {
    const { session_jwt, user_id } = await signIn(server.emulator)
    const { payload } = await jwtVerify(session_jwt, createRemoteJWKSet(new URL(jwksUrl())), {
      issuer: `stytch.com/${DEMO_PROJECT_ID}`,
      audience: DEMO_PROJECT_ID,
      typ: 'JWT',
    })
    expect(payload.sub).toBe(user_id)
  })

  it("pass the Node SDK's sessions.authenticateJwtLocal", async () => {
    const { session_jwt, session, user_id } = await signIn(server.emulator)
    const local = await nodeClient().sessions.authenticateJwtLocal({ session_jwt })
    expect(local).toMatchObject({
      session_id: session.session_id,
      user_id,
      started_at: session.started_at,
      expires_at: session.expires_at,
      authentication_factors: session.authentication_factors,
      roles: ['stytch_user'],
    })
  })

  it('from another emulator are refused by the key set, locally and on /v1', async () => {
    const other = createEmulator()
    const { session_jwt } = await signIn(other)
    await expect(nodeClient().sessions.authenticateJwtLocal({ session_jwt })).rejects.toMatchObject({
      code: 'jwt_invalid',
    })
    const { json } = await backend(server.emulator.fetch, '/sessions/authenticate', { session_jwt })
    expectErrorShape(json, 404, 'session_not_found')
  })

  it('each server signs with a key pair of its own; in-process emulators share one under their own kid', async () => {
    const keyOf = async (emulator: Emulator) =>
      (
        (await (await emulator.fetch(`${BASE}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)).json()) as {
          keys: { kid: string; n: string }[]
        }
      ).keys[0] as { kid: string; n: string }
    const other = await startEmulatorServer({ port: 0, log: false })
    try {
      const [first, second] = [await keyOf(server.emulator), await keyOf(other.emulator)]
      expect(first.n).not.toBe(second.n)
      // A JWT from the other server fails this one's key set, with the vendor's SDK and with jose.
      const { session_jwt } = await signIn(other.emulator)
      await expect(nodeClient().sessions.authenticateJwtLocal({ session_jwt })).rejects.toMatchObject({
        code: 'jwt_invalid',
      })
    } finally {
      await other.close()
    }
    const [a, b] = [await keyOf(createEmulator()), await keyOf(createEmulator())]
    expect(a.n).toBe(b.n)
    expect(a.kid).not.toBe(b.kid)
    const own = [await keyOf(createEmulator({ jwtKeyPair: 'own' })), a]
    expect(own[0]?.n).not.toBe(own[1]?.n)
    expect(() => createEmulator({ jwtKeyPair: 'mine' as 'own' })).toThrow(TypeError)
  })

  it('keep one key pair across reset(), so a running app need not refetch the key set', async () => {
    const emulator = createEmulator()
    const before = (await (await emulator.fetch(`${BASE}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)).json()) as {
      keys: unknown[]
    }
    emulator.reset()
    const after = (await (await emulator.fetch(`${BASE}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)).json()) as {
      keys: unknown[]
    }
    expect(after.keys).toEqual(before.keys)
    const third = (await (
      await createEmulator().fetch(`${BASE}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)
    ).json()) as { keys: unknown[] }
    expect(third.keys).not.toEqual(before.keys)
  })
})
