// A tiny checker for the response schemas on the vendor's API pages: required fields and their types.
export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'object|null'

export interface Schema {
  required: readonly string[]
  properties: Record<string, FieldType>
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** Lists every way `value` breaks `schema`; empty when it conforms. */
export function schemaProblems(value: unknown, schema: Schema): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not an object']
  const record = value as Record<string, unknown>
  const problems: string[] = []
  for (const field of schema.required) {
    if (!(field in record)) problems.push(`missing ${field}`)
  }
  for (const [field, type] of Object.entries(schema.properties)) {
    if (!(field in record)) continue
    const actual = typeOf(record[field])
    if (!type.split('|').includes(actual)) problems.push(`${field} is ${actual}, expected ${type}`)
  }
  return problems
}

// From seed 000 (api_otp_v1_otp_sms_LoginOrCreateResponse).
export const backendLoginOrCreateResponse: Schema = {
  required: ['request_id', 'user_id', 'phone_id', 'user_created', 'status_code'],
  properties: {
    request_id: 'string',
    user_id: 'string',
    phone_id: 'string',
    user_created: 'boolean',
    status_code: 'integer',
  },
}

// From seed 003 (api_otp_v1_otp_sms_SendResponse).
export const backendSendResponse: Schema = {
  required: ['request_id', 'user_id', 'phone_id', 'status_code'],
  properties: { request_id: 'string', user_id: 'string', phone_id: 'string', status_code: 'integer' },
}

// From seed 001 (the browser SDK's loginOrCreate response fields) and the wire reference for send.
export const sdkSendData: Schema = {
  required: ['request_id', 'status_code', 'method_id'],
  properties: { request_id: 'string', status_code: 'integer', method_id: 'string' },
}

export const userSchema: Schema = {
  required: [
    'user_id',
    'created_at',
    'status',
    'name',
    'emails',
    'phone_numbers',
    'trusted_metadata',
    'untrusted_metadata',
  ],
  properties: {
    user_id: 'string',
    created_at: 'string',
    status: 'string',
    name: 'object',
    emails: 'array',
    phone_numbers: 'array',
    trusted_metadata: 'object',
    untrusted_metadata: 'object',
  },
}

export const sessionSchema: Schema = {
  required: [
    'session_id',
    'user_id',
    'started_at',
    'last_accessed_at',
    'expires_at',
    'authentication_factors',
    'attributes',
    'custom_claims',
  ],
  properties: {
    session_id: 'string',
    user_id: 'string',
    started_at: 'string',
    last_accessed_at: 'string',
    expires_at: 'string',
    authentication_factors: 'array',
    attributes: 'object',
    custom_claims: 'object',
  },
}

// Wire reference: authenticate returns user and session fields.
export const authenticateResponse: Schema = {
  required: [
    'request_id',
    'status_code',
    'user_id',
    'method_id',
    'session_token',
    'session_jwt',
    'session',
    'user',
    'reset_sessions',
  ],
  properties: {
    request_id: 'string',
    status_code: 'integer',
    user_id: 'string',
    method_id: 'string',
    session_token: 'string',
    session_jwt: 'string',
    session: 'object|null',
    user: 'object',
    reset_sessions: 'boolean',
  },
}

export const sessionAuthenticateResponse: Schema = {
  required: ['request_id', 'status_code', 'session', 'session_token', 'session_jwt', 'user'],
  properties: {
    request_id: 'string',
    status_code: 'integer',
    session: 'object',
    session_token: 'string',
    session_jwt: 'string',
    user: 'object',
  },
}

export const revokeResponse: Schema = {
  required: ['request_id', 'status_code'],
  properties: { request_id: 'string', status_code: 'integer' },
}
