// Entry b, otpkit: a whole headless login (send, authenticate) and the session read/subscribe calls.
import { createStytchClient } from '@otpkit/core'

export async function login(publicToken: string, phoneNumber: string, readCode: () => Promise<string>) {
  const stytch = createStytchClient(publicToken)
  const changes: unknown[] = []
  const unsubscribe = stytch.session.onChange((session) => changes.push(session))
  const { method_id } = await stytch.otps.sms.loginOrCreate(phoneNumber)
  await stytch.otps.authenticate(await readCode(), method_id, { session_duration_minutes: 30 })
  return { session: stytch.session.getSync(), changes, unsubscribe }
}
