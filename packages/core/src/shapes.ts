// The essential fields of each answer: what core and @otpkit/react act on, and nothing else. A session
// is kept by its tokens, found by its id, expired by `expires_at`, and belongs to a user id; a send is
// followed by `otps.authenticate` with its `method_id`. Every other documented field (and any new one)
// is passed through as received; see schema.ts and the core README.
import type { ObjectShape } from './schema'

export const SEND_RESPONSE: ObjectShape = { method_id: 'string' }

/** A revoke acts on nothing in its answer. */
export const REVOKE_RESPONSE: ObjectShape = {}

export const USER: ObjectShape = { user_id: 'string' }

/** Any answer that carries a session: otps.authenticate, sessions.authenticate, the stored snapshot. */
export const SESSION_RESPONSE: ObjectShape = {
  session_token: 'string',
  session_jwt: 'string',
  session: { session_id: 'string', expires_at: 'timestamp' },
  user: USER,
}
