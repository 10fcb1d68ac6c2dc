// @vitest-environment jsdom
// The plain-DOM example of the core README, run as written: a hand-built page over createLoginFlow
// signs in by WhatsApp against the emulator's in-process handler.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { expect, it, vi } from 'vitest'
import { createLoginFlow } from '../flow/index'
import { createMemoryStorage, createStytchClient } from '../index'

// A path, not `new URL(…)`: under jsdom the global URL is jsdom's, which node:fs does not take.
const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')

function readmeExample(): string {
  const block = /<!-- flow-dom-example:begin -->\s*```js\n([\s\S]*?)```\s*<!-- flow-dom-example:end -->/.exec(
    README,
  )
  if (!block?.[1]) throw new Error('the core README lost its flow-dom-example block')
  // The imports become parameters of the function that runs it.
  return block[1].replace(/^import .*\n/gm, '')
}

it('the README plain-DOM example signs in with a WhatsApp code, no React involved', async () => {
  const emulator = createEmulator()
  const clients: { destroy(): void }[] = []
  document.body.innerHTML = '<form><input /><button>Go</button></form><p id="message" role="status"></p>'
  const connect = (token: string) => {
    const client = createStytchClient(token, {
      baseUrl: 'http://emulator.test',
      fetch: emulator.fetch,
      storage: createMemoryStorage(),
      cookie: { enabled: false },
    })
    clients.push(client)
    return client
  }
  new Function('createStytchClient', 'createLoginFlow', 'PUBLIC_TOKEN', readmeExample())(
    connect,
    createLoginFlow,
    DEMO_PUBLIC_TOKEN,
  )
  const form = document.querySelector('form')!
  const field = document.querySelector('input')!
  const message = document.querySelector('#message')!
  const submit = () => form.dispatchEvent(new Event('submit', { cancelable: true }))

  expect(field.getAttribute('aria-label')).toBeNull()
  field.value = '+12025550162'
  submit()
  await vi.waitFor(() => expect(field.getAttribute('aria-label')).toBe('6-digit code'))
  expect(field.value).toBe('')
  const [sent] = emulator.messages()
  expect(sent).toMatchObject({ channel: 'whatsapp', to: '+12025550162' })

  field.value = sent!.code === '111111' ? '222222' : '111111'
  submit()
  await vi.waitFor(() => expect(message.textContent).toBe('Error: otp_code_not_found'))
  field.value = sent!.code
  submit()
  await vi.waitFor(() => expect(message.textContent).toBe('Signed in.'))
  expect(form.hidden).toBe(true)
  expect(clients[0] && (clients[0] as ReturnType<typeof createStytchClient>).session.getSync()).not.toBeNull()
  clients.forEach((client) => client.destroy())
})
