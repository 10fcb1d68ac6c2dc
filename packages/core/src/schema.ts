// Small hand-written checks for what the server sends back. A body that does not match throws
// SchemaError (via the caller) with the path of the first bad field, never its value.
import type {
  AuthenticateResponse,
  AuthenticationFactor,
  PhoneNumber,
  ResponseCommon,
  RevokeResponse,
  Session,
  SessionAuthenticateResponse,
  SmsSendResponse,
  User,
} from './types'

/** Thrown by the parsers below; the transport turns it into a StytchSchemaError. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    expected: string,
  ) {
    super(`${path} is not ${expected}`)
  }
}

export type Parser<T> = (value: unknown, path?: string) => T
type Obj = Record<string, unknown>

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function obj(value: unknown, path: string): Obj {
  if (!isObject(value)) throw new ShapeError(path, 'an object')
  return value
}

function str(o: Obj, key: string, path: string): string {
  const value = o[key]
  if (typeof value !== 'string') throw new ShapeError(`${path}.${key}`, 'a string')
  return value
}

function num(o: Obj, key: string, path: string): number {
  const value = o[key]
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(`${path}.${key}`, 'a number')
  return value
}

function bool(o: Obj, key: string, path: string): boolean {
  const value = o[key]
  if (typeof value !== 'boolean') throw new ShapeError(`${path}.${key}`, 'a boolean')
  return value
}

function timestamp(o: Obj, key: string, path: string): string {
  const value = str(o, key, path)
  if (Number.isNaN(Date.parse(value))) throw new ShapeError(`${path}.${key}`, 'a timestamp')
  return value
}

function list<T>(o: Obj, key: string, path: string, item: Parser<T>): T[] {
  const value = o[key]
  if (!Array.isArray(value)) throw new ShapeError(`${path}.${key}`, 'an array')
  return value.map((entry, i) => item(entry, `${path}.${key}[${i}]`))
}

/** Metadata objects may be absent or null on the wire; both read as `{}`. */
function record(o: Obj, key: string, path: string): Record<string, unknown> {
  const value = o[key]
  if (value === undefined || value === null) return {}
  return obj(value, `${path}.${key}`)
}

function common(o: Obj, path: string): ResponseCommon {
  return { request_id: str(o, 'request_id', path), status_code: num(o, 'status_code', path) }
}

const phoneNumber: Parser<PhoneNumber> = (value, path = 'phone') => {
  const o = obj(value, path)
  return {
    ...o,
    phone_id: str(o, 'phone_id', path),
    phone_number: str(o, 'phone_number', path),
    verified: bool(o, 'verified', path),
  }
}

const email: Parser<User['emails'][number]> = (value, path = 'email') => {
  const o = obj(value, path)
  return {
    ...o,
    email_id: str(o, 'email_id', path),
    email: str(o, 'email', path),
    verified: bool(o, 'verified', path),
  }
}

function name(o: Obj, path: string): User['name'] {
  const value = o.name
  if (value === undefined || value === null) return { first_name: '', middle_name: '', last_name: '' }
  const n = obj(value, `${path}.name`)
  const part = (key: string) => (n[key] === undefined || n[key] === null ? '' : str(n, key, `${path}.name`))
  return { first_name: part('first_name'), middle_name: part('middle_name'), last_name: part('last_name') }
}

export const parseUser: Parser<User> = (value, path = 'user') => {
  const o = obj(value, path)
  return {
    ...o,
    user_id: str(o, 'user_id', path),
    created_at: str(o, 'created_at', path),
    status: str(o, 'status', path),
    name: name(o, path),
    emails: o.emails === undefined || o.emails === null ? [] : list(o, 'emails', path, email),
    phone_numbers: list(o, 'phone_numbers', path, phoneNumber),
    trusted_metadata: record(o, 'trusted_metadata', path),
    untrusted_metadata: record(o, 'untrusted_metadata', path),
  }
}

const factor: Parser<AuthenticationFactor> = (value, path = 'factor') => {
  const o = obj(value, path)
  return {
    ...o,
    type: str(o, 'type', path),
    delivery_method: str(o, 'delivery_method', path),
    last_authenticated_at: str(o, 'last_authenticated_at', path),
  }
}

export const parseSession: Parser<Session> = (value, path = 'session') => {
  const o = obj(value, path)
  const attributes = isObject(o.attributes) ? o.attributes : {}
  return {
    ...o,
    session_id: str(o, 'session_id', path),
    user_id: str(o, 'user_id', path),
    started_at: timestamp(o, 'started_at', path),
    last_accessed_at: timestamp(o, 'last_accessed_at', path),
    expires_at: timestamp(o, 'expires_at', path),
    authentication_factors: list(o, 'authentication_factors', path, factor),
    attributes: {
      ip_address: typeof attributes.ip_address === 'string' ? attributes.ip_address : '',
      user_agent: typeof attributes.user_agent === 'string' ? attributes.user_agent : '',
    },
    custom_claims: record(o, 'custom_claims', path),
  }
}

export const parseSendResponse: Parser<SmsSendResponse> = (value, path = 'data') => {
  const o = obj(value, path)
  return { ...common(o, path), method_id: str(o, 'method_id', path) }
}

export const parseAuthenticateResponse: Parser<AuthenticateResponse> = (value, path = 'data') => {
  const o = obj(value, path)
  return {
    ...common(o, path),
    user_id: str(o, 'user_id', path),
    method_id: str(o, 'method_id', path),
    session_token: str(o, 'session_token', path),
    session_jwt: str(o, 'session_jwt', path),
    session: parseSession(o.session, `${path}.session`),
    user: parseUser(o.user, `${path}.user`),
    reset_sessions: o.reset_sessions === undefined ? false : bool(o, 'reset_sessions', path),
  }
}

export const parseSessionAuthenticateResponse: Parser<SessionAuthenticateResponse> = (
  value,
  path = 'data',
) => {
  const o = obj(value, path)
  return {
    ...common(o, path),
    session_token: str(o, 'session_token', path),
    session_jwt: str(o, 'session_jwt', path),
    session: parseSession(o.session, `${path}.session`),
    user: parseUser(o.user, `${path}.user`),
  }
}

export const parseRevokeResponse: Parser<RevokeResponse> = (value, path = 'data') =>
  common(obj(value, path), path)

/** `users/me` answers with the user's fields next to request_id and status_code; only the user is kept. */
export const parseUserResponse: Parser<User> = (value, path = 'data') => {
  const {
    request_id: _r,
    status_code: _s,
    ...user
  } = parseUser(value, path) as User & Partial<ResponseCommon>
  return user
}

/** The top-level error body; null when the body is not one (an HTML page, plain text, a bare object). */
export function parseErrorBody(value: unknown): {
  status_code?: number
  error_type: string
  error_message: string
  error_url: string
  request_id: string
} | null {
  if (!isObject(value) || typeof value.error_type !== 'string' || value.error_type === '') return null
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '')
  return {
    status_code: typeof value.status_code === 'number' ? value.status_code : undefined,
    error_type: value.error_type,
    error_message: text('error_message'),
    error_url: text('error_url'),
    request_id: text('request_id'),
  }
}
