// The provider's secret never leaves the server: not in an answer (success or any error), not in an error the
// app sees, not in the provider object if someone logs it. The built example is grepped in its e2e suite.
import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_MOONKEY_API_KEY, DEMO_SECRET } from '@otpkit/emulator'
import { createRelay, moonkey, stytchBackend } from '../index'
import { PHONE, PROVIDERS, SECRETS, setUp, signIn } from './support'

function expectNoSecret(text: string) {
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret)
    expect(text).not.toContain(btoa(secret).slice(0, 20))
  }
}

async function dump(response: Response): Promise<string> {
  return `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(PROVIDERS)('%s secret hygiene', (name) => {
  it('writes no log line, through a login and a failing provider', async () => {
    const lines = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    )
    const setup = setUp(name)
    await signIn(setup)
    setup.emulator.faults.add({ kind: 'status', status: 500 })
    await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    for (const spy of lines) expect(spy).not.toHaveBeenCalled()
  })

  it('no answer carries the secret: a login, every error, a provider echoing it back', async () => {
    const setup = setUp(name)
    const answers: string[] = []
    const { sessionToken, methodId } = await signIn(setup)
    answers.push(await dump(await setup.call('/sdk/v1/users/me', { session: sessionToken })))
    answers.push(
      await dump(
        await setup.call('/sdk/v1/otps/authenticate', {
          body: { token: '000001', method_id: methodId, session_duration_minutes: 60 },
        }),
      ),
    )
    answers.push(
      await dump(await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: 'nope' } })),
    )
    // A provider whose error message quotes the credentials it was sent.
    for (const secret of [name === 'moonkey' ? DEMO_MOONKEY_API_KEY : DEMO_SECRET]) {
      setup.emulator.faults.add({
        kind: 'status',
        status: 400,
        error_type: 'bad_request',
        error_message: `bad key ${secret}`,
      })
      answers.push(
        await dump(await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })),
      )
    }
    setup.emulator.faults.add({ kind: 'drop' })
    answers.push(
      await dump(await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })),
    )
    expect(answers.join('\n')).toContain('[redacted]')
    expectNoSecret(answers.join('\n'))
  })

  it('a misconfigured provider names the option, not its value', () => {
    const secret = 'sk_test_do-not-print-me'
    const attempts = [
      () => moonkey({ apiKey: secret, baseUrl: `not a url ${secret}` }),
      () => stytchBackend({ projectId: '', secret }),
      () => createRelay({ provider: moonkey({ apiKey: secret }), publicToken: '' }),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(TypeError)
      try {
        attempt()
      } catch (error) {
        expect(String(error)).not.toContain('do-not-print-me')
      }
    }
  })

  it('the provider and the relay hold the secret out of sight of console.log and JSON', () => {
    const setup = setUp(name)
    const provider =
      name === 'moonkey'
        ? moonkey({ apiKey: SECRETS[1] as string })
        : stytchBackend({ projectId: 'p', secret: SECRETS[0] as string })
    expectNoSecret(`${inspect(provider, { depth: 5, showHidden: true })} ${JSON.stringify(provider)}`)
    expectNoSecret(`${inspect(setup.relay, { depth: 5, showHidden: true })} ${JSON.stringify(setup.relay)}`)
  })
})
