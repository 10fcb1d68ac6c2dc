// @vitest-environment jsdom
// What the vendor's browser SDK calls at start: the project bootstrap and telemetry events.
import { StytchHeadlessClient } from '@stytch/vanilla-js/headless'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createEmulator, DEMO_PUBLIC_TOKEN } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { BASE, data, expectErrorShape, sdk } from './helpers'

let server: EmulatorServer
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, log: false })
})
afterAll(async () => {
  await server.close()
})

describe('GET /sdk/v1/projects/bootstrap/{public_token}', () => {
  it("answers every field the SDK's bootstrap reader takes, captcha off and an empty RBAC policy", async () => {
    const emulator = createEmulator()
    const { status, json } = await sdk(
      emulator.fetch,
      `/projects/bootstrap/${DEMO_PUBLIC_TOKEN}`,
      undefined,
      {
        auth: null,
      },
    )
    expect(status).toBe(200)
    const body = data(json)
    // The fields @stytch/vanilla-js 6.3 maps in BootstrapDataManager.mapBootstrapData.
    for (const field of [
      'project_name',
      'disable_sdk_watermark',
      'captcha_settings',
      'cname_domain',
      'email_domains',
      'pkce_required_for_email_magic_links',
      'pkce_required_for_password_resets',
      'pkce_required_for_oauth',
      'pkce_required_for_sso',
      'slug_pattern',
      'create_organization_enabled',
      'password_config',
      'dfp_protected_auth_enabled',
      'dfp_protected_auth_mode',
      'rbac_policy',
      'siwe_required_for_crypto_wallets',
      'vertical',
    ]) {
      expect(body, field).toHaveProperty(field)
    }
    expect(body.captcha_settings).toEqual({ enabled: false })
    // It reads password_config.luds_complexity unless the field is exactly null.
    expect(body.password_config).toBeNull()
    expect(body.rbac_policy).toEqual({
      roles: [{ role_id: 'stytch_user', description: expect.any(String) as string, permissions: [] }],
      resources: [],
      scopes: [],
    })
  })

  it('another public token is 401 unauthorized_credentials', async () => {
    const emulator = createEmulator()
    const { status, json } = await sdk(emulator.fetch, '/projects/bootstrap/public-token-test-nope')
    expect(status).toBe(401)
    expectErrorShape(json, 401, 'unauthorized_credentials')
  })
})

describe('POST /sdk/v1/events', () => {
  it('accepts a telemetry batch and keeps nothing', async () => {
    const emulator = createEmulator()
    const response = await emulator.fetch(`${BASE}/sdk/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ telemetry: { event_id: 'x' }, event: { public_token: DEMO_PUBLIC_TOKEN } }]),
    })
    expect(response.status).toBe(200)
    expect(emulator.messages()).toEqual([])
  })
})

describe('@stytch/vanilla-js 6 at start', () => {
  it('bootstraps from the emulator with no console error, and its RBAC answers without error', async () => {
    const errors: unknown[][] = []
    const error = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args))
    const requests: string[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`)
      return realFetch(input, init)
    }
    try {
      const client = new StytchHeadlessClient(DEMO_PUBLIC_TOKEN, {
        endpoints: { testAPIURL: server.url },
      } as ConstructorParameters<typeof StytchHeadlessClient>[1])
      await expect(client.rbac.isAuthorized('documents', 'read')).resolves.toBe(false)
      // The SDK sends its first telemetry batch about 800 ms after start.
      await vi.waitFor(() => expect(requests).toContain('POST /sdk/v1/events'), { timeout: 5000 })
      expect(requests[0]).toBe(`GET /sdk/v1/projects/bootstrap/${DEMO_PUBLIC_TOKEN}`)
      expect(errors).toEqual([])
    } finally {
      globalThis.fetch = realFetch
      error.mockRestore()
    }
  })
})
