// The backend family under /v1 (project_id:secret), shaped exactly as the vendor's API pages specify.
import { requireProjectSecret } from '../auth'
import {
  optionalBoolean,
  optionalString,
  readAttributes,
  readCode,
  readJsonObject,
  readMethodId,
  readSessionMinutes,
  type JsonObject,
} from '../body'
import type { Channel } from '../channels'
import { ApiFailure, jsonResponse } from '../errors'
import {
  deliverCode,
  duplicatePhone,
  findOrCreateUser,
  readSendInput,
  sessionAfterAuth,
  sessionNotFound,
  throttle,
  verifyCode,
} from '../flows'
import { newId } from '../ids'
import { perChannel, type RouteTable } from '../router'
import type { SessionRecord } from '../sessions'
import type { RouteContext, RouteHandler } from '../state'
import { PENDING_PHONE_MS, type UserRecord } from '../store'

function ok(body: Record<string, unknown>): Response {
  return jsonResponse(200, { request_id: newId('request-id'), status_code: 200, ...body })
}

function authorise(request: Request, { state }: RouteContext): void {
  requireProjectSecret(request, state.options.projectId, state.options.secret)
}

/** The live session named by exactly one of the given fields. */
async function resolveSession(
  body: JsonObject,
  context: RouteContext,
  fields: readonly ('session_id' | 'session_token' | 'session_jwt')[],
): Promise<SessionRecord> {
  const given = fields.flatMap((field) => {
    const value = optionalString(body, field)
    return value === undefined ? [] : [[field, value] as const]
  })
  if (given.length !== 1) {
    throw new ApiFailure(400, 'bad_request', `Provide exactly one of ${fields.join(', ')}.`)
  }
  const [field, value] = given[0] as readonly [string, string]
  const { sessions } = context.state
  const session =
    field === 'session_id'
      ? sessions.byId(value, context.now)
      : field === 'session_token'
        ? sessions.byToken(value, context.now)
        : await sessions.byJwt(value, context.now)
  if (!session) throw sessionNotFound()
  return session
}

function sessionFields({ state, now }: RouteContext, session: SessionRecord | undefined) {
  return session
    ? {
        session_token: session.token,
        session_jwt: state.sessions.jwt(session, now),
        session: state.sessions.view(session),
      }
    : { session_token: '', session_jwt: '', session: null }
}

const loginOrCreate =
  (channel: Channel): RouteHandler =>
  async (request, context) => {
    authorise(request, context)
    const body = await readJsonObject(request)
    const input = readSendInput(body, context.state, channel)
    const createAsPending = optionalBoolean(body, 'create_user_as_pending') ?? false
    readAttributes(body, request)
    throttle(context, input.phoneNumber)
    const { user, phone, created } = findOrCreateUser(context, input.phoneNumber, createAsPending)
    deliverCode(request, context, phone, input)
    return ok({ user_id: user.user_id, phone_id: phone.phone_id, user_created: created })
  }

const send =
  (channel: Channel): RouteHandler =>
  async (request, context) => {
    authorise(request, context)
    const { users, sessions } = context.state
    const body = await readJsonObject(request)
    const input = readSendInput(body, context.state, channel)
    readAttributes(body, request)
    const userId = optionalString(body, 'user_id')
    const sessionToken = optionalString(body, 'session_token')
    const sessionJwt = optionalString(body, 'session_jwt')

    // Any of user_id / session_token / session_jwt names the user the phone is added to; they must agree.
    const named: UserRecord[] = []
    if (userId !== undefined) {
      const user = users.user(userId)
      if (!user) throw new ApiFailure(404, 'user_not_found', 'No user has this user_id.')
      named.push(user)
    }
    for (const session of [
      sessionToken === undefined ? null : sessions.byToken(sessionToken, context.now),
      sessionJwt === undefined ? null : await sessions.byJwt(sessionJwt, context.now),
    ]) {
      if (session === null) continue
      const user = session && users.user(session.user_id)
      if (!user) throw sessionNotFound()
      named.push(user)
    }
    const target = named[0]
    if (named.some((user) => user !== target)) {
      throw new ApiFailure(400, 'bad_request', 'user_id, session_token and session_jwt name different users.')
    }

    const owned = users.phoneByNumber(input.phoneNumber)
    if (target && owned && owned.user_id !== target.user_id) throw duplicatePhone()
    if (!target && !owned) {
      throw new ApiFailure(
        404,
        'phone_number_not_found',
        'No user has this phone number; use login_or_create.',
      )
    }
    throttle(context, input.phoneNumber)
    const phone =
      owned ?? users.addPhone(target as UserRecord, input.phoneNumber, context.now + PENDING_PHONE_MS)
    deliverCode(request, context, phone, input)
    return ok({ user_id: phone.user_id, phone_id: phone.phone_id })
  }

const authenticate: RouteHandler = async (request, context) => {
  authorise(request, context)
  const body = await readJsonObject(request)
  const methodId = readMethodId(body)
  const code = readCode(body, 'code')
  const minutes = readSessionMinutes(body, 'session_duration_minutes')
  const attributes = readAttributes(body, request)
  const hasSession =
    optionalString(body, 'session_token') !== undefined || optionalString(body, 'session_jwt') !== undefined
  // Resolve the caller's session before spending the code, so a stale session costs no attempt.
  const existing = hasSession
    ? await resolveSession(body, context, ['session_token', 'session_jwt'])
    : undefined
  const { user, factor } = verifyCode(context, methodId, code)
  const session = sessionAfterAuth(context, existing, user, factor, minutes, attributes)
  return ok({
    user_id: user.user_id,
    method_id: methodId,
    ...sessionFields(context, session),
    user: context.state.users.view(user),
    reset_sessions: false,
  })
}

const sessionsAuthenticate: RouteHandler = async (request, context) => {
  authorise(request, context)
  const body = await readJsonObject(request)
  const minutes = readSessionMinutes(body, 'session_duration_minutes')
  const session = await resolveSession(body, context, ['session_token', 'session_jwt'])
  const user = context.state.users.user(session.user_id)
  if (!user) throw sessionNotFound()
  context.state.sessions.touch(session, minutes, context.now)
  return ok({ ...sessionFields(context, session), user: context.state.users.view(user) })
}

const sessionsRevoke: RouteHandler = async (request, context) => {
  authorise(request, context)
  const session = await resolveSession(await readJsonObject(request), context, [
    'session_id',
    'session_token',
    'session_jwt',
  ])
  context.state.sessions.revoke(session)
  return ok({})
}

/** The public keys session JWTs are signed with, where the vendor's clients fetch them (no auth, as there). */
const jwks: RouteHandler = async (_request, { state, params }) => {
  if (params?.project_id !== state.options.projectId) {
    throw new ApiFailure(404, 'project_not_found', 'No project has this project_id.')
  }
  return ok({ keys: await state.sessions.keys.jwks() })
}

const getUser: RouteHandler = async (request, context) => {
  authorise(request, context)
  const user = context.state.users.user(context.params?.user_id ?? '')
  if (!user) throw new ApiFailure(404, 'user_not_found', 'No user has this user_id.')
  return ok({ ...context.state.users.view(user) })
}

export const backendRoutes: RouteTable = {
  ...perChannel((channel) => ({
    [`/v1/otps/${channel}/login_or_create`]: { POST: loginOrCreate(channel) },
    [`/v1/otps/${channel}/send`]: { POST: send(channel) },
  })),
  '/v1/otps/authenticate': { POST: authenticate },
  '/v1/sessions/authenticate': { POST: sessionsAuthenticate },
  '/v1/sessions/revoke': { POST: sessionsRevoke },
  '/v1/sessions/jwks/:project_id': { GET: jwks },
  '/v1/users/:user_id': { GET: getUser },
}
