// The documented response bodies (inside the `{data}` envelope) and the stored session snapshot, as
// shapes for `check` (see schema.ts). Fields marked `?` may be absent or null; they then read as empty.
import type { ObjectShape } from './schema'

const COMMON = { request_id: 'string', status_code: 'number' } as const

/** Object.assign, typed for shapes. Its calls are marked pure (a spread cannot be), so bundlers drop
 * the shapes an app never uses. */
const join = Object.assign as (target: object, ...shapes: ObjectShape[]) => ObjectShape

export const SEND_RESPONSE = /* @__PURE__ */ join({}, COMMON, { method_id: 'string' })

export const REVOKE_RESPONSE: ObjectShape = COMMON

export const USER: ObjectShape = {
  user_id: 'string',
  created_at: 'string',
  status: 'string',
  'name?': { 'first_name?': 'string', 'middle_name?': 'string', 'last_name?': 'string' },
  'emails?': [{ email_id: 'string', email: 'string', verified: 'boolean' }],
  phone_numbers: [{ phone_id: 'string', phone_number: 'string', verified: 'boolean' }],
  'trusted_metadata?': 'object',
  'untrusted_metadata?': 'object',
}

export const SESSION: ObjectShape = {
  session_id: 'string',
  user_id: 'string',
  started_at: 'timestamp',
  last_accessed_at: 'timestamp',
  expires_at: 'timestamp',
  authentication_factors: [{ type: 'string', delivery_method: 'string', last_authenticated_at: 'string' }],
  'attributes?': { 'ip_address?': 'string', 'user_agent?': 'string' },
  'custom_claims?': 'object',
}

const TOKENS = { session_token: 'string', session_jwt: 'string', session: SESSION, user: USER } as const

export const SESSION_RESPONSE = /* @__PURE__ */ join({}, COMMON, TOKENS)

export const AUTHENTICATE_RESPONSE = /* @__PURE__ */ join({}, SESSION_RESPONSE, {
  user_id: 'string',
  method_id: 'string',
  'reset_sessions?': 'boolean',
})

/**
 * What storage holds between page loads. `confirmed?` says the server confirmed this session in the
 * life of the page that wrote it, so another tab receiving it need not confirm it again.
 */
export const SNAPSHOT = /* @__PURE__ */ join({}, TOKENS, { 'confirmed?': 'boolean' })
