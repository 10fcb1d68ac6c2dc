// getSession on an edge runtime: bundled as a worker bundler would (no Node conditions, no builtins),
// then run in a bare V8 context that has only the web platform's globals (fetch, Request, Headers,
// URL, crypto.subtle, TextEncoder, atob/btoa, AbortSignal, timers): no `process`, `Buffer` or `require`.
import { createContext, runInContext } from 'node:vm'
import { join } from 'node:path'
import { createEmulator, DEMO_PROJECT_ID, DEMO_SECRET } from '@otpkit/emulator'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import type { getSession as GetSession } from '../index'

async function edgeBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '../index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'otpkitServer',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import'],
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

function edgeContext(fetchFn: typeof fetch) {
  const web = {
    fetch: fetchFn,
    Request,
    Response,
    Headers,
    URL,
    crypto: globalThis.crypto,
    CryptoKey: globalThis.CryptoKey,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    AbortSignal,
    AbortController,
    DOMException,
    structuredClone,
    setTimeout,
    clearTimeout,
    console,
  }
  return createContext({ ...web })
}

describe('on an edge runtime', () => {
  it('bundles without Node builtins and verifies a session with web APIs only', async () => {
    const code = await edgeBundle()
    expect(code).not.toMatch(/require\(["'](node:)?(crypto|buffer|http|https|util|stream)["']\)/)

    const emulator = createEmulator()
    const auth = `Basic ${btoa(`${DEMO_PROJECT_ID}:${DEMO_SECRET}`)}`
    const post = async (path: string, body: unknown) =>
      (await (
        await emulator.fetch(`http://emulator.test/v1${path}`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as Record<string, unknown>
    const sent = await post('/otps/sms/login_or_create', { phone_number: '+12025550177' })
    const done = await post('/otps/authenticate', {
      method_id: sent.phone_id,
      code: emulator.messages().at(-1)!.code,
      session_duration_minutes: 60,
    })

    const context = edgeContext(emulator.fetch)
    runInContext(code, context)
    expect(runInContext('typeof process + typeof Buffer + typeof require', context)).toBe(
      'undefinedundefinedundefined',
    )
    const { getSession } = (context as { otpkitServer: { getSession: typeof GetSession } }).otpkitServer
    const request = new Request('https://app.example/', {
      headers: { cookie: `stytch_session_jwt=${String(done.session_jwt)}` },
    })
    const result = await getSession(request, {
      projectId: DEMO_PROJECT_ID,
      secret: DEMO_SECRET,
      baseUrl: 'http://emulator.test',
    })
    expect(result).toMatchObject({ phoneNumber: '+12025550177', verifiedBy: 'jwt' })
    const forged = new Request('https://app.example/', {
      headers: { cookie: `stytch_session_jwt=${String(done.session_jwt).slice(0, -6)}AAAAAA` },
    })
    expect(
      await getSession(forged, { projectId: DEMO_PROJECT_ID, baseUrl: 'http://emulator.test' }),
    ).toBeNull()
  })
})
