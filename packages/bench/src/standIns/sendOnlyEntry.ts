// Not a public entry: what entry a would weigh if core offered a send-only client (no session, user or
// authenticate), wired from core's own modules. The bench bundles it from sources to see whether any
// split of the client could bring a under its budget.
import { resolveClientOptions } from '../../../core/src/clientOptions'
import { createSendGuard } from '../../../core/src/sendGuard'
import { SEND_RESPONSE } from '../../../core/src/shapes'
import { safeStorage } from '../../../core/src/storage'
import { createTransport } from '../../../core/src/transport'
import type { SmsSendResponse } from '../../../core/src/types'
import { validatePublicToken, validateSms } from '../../../core/src/validate'

export function sendCode(publicToken: string, phoneNumber: string): Promise<SmsSendResponse> {
  const token = validatePublicToken(publicToken)
  const options = resolveClientOptions({}, token)
  const storage = safeStorage(options.storage)
  // A signed-in visitor's requests carry the session token, so even a send-only client reads it.
  let sessionToken: string | null = null
  try {
    sessionToken = (JSON.parse(storage.getItem(`stytch_sdk_state_${token}`)!) as { session_token: string })
      .session_token
  } catch {
    // No stored session.
  }
  const transport = createTransport({ ...options, publicToken: token, onError: () => undefined })
  const { body, signal } = validateSms(phoneNumber, undefined)
  return transport({
    path: '/otps/sms/login_or_create',
    body,
    sessionToken,
    shape: SEND_RESPONSE,
    signal,
    guard: createSendGuard(storage, token, options.timeoutMs),
  })
}
