// The public-token family under /sdk/v1: what a browser SDK calls. Success bodies are `{data: {...}}`.
import { requirePublicToken } from '../auth'
import { readAttributes, readCode, readJsonObject, readMethodId, readSessionMinutes } from '../body'
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
import { PENDING_PHONE_MS } from '../store'
import { perChannel, type RouteTable } from '../router'
import type { SessionRecord } from '../sessions'
import type { RouteContext, RouteHandler } from '../state'

function ok(data: Record<string, unknown>): Response {
  return jsonResponse(200, { data: { request_id: newId('request-id'), status_code: 200, ...data } })
}

function requireSession(request: Request, { state, now }: RouteContext): SessionRecord {
  const { sessionToken } = requirePublicToken(request, state.options.publicToken)
  const session = sessionToken === null ? undefined : state.sessions.byToken(sessionToken, now)
  if (!session) throw sessionNotFound()
  return session
}

function sessionPayload({ state, now }: RouteContext, session: SessionRecord) {
  const user = state.users.user(session.user_id)
  if (!user) throw sessionNotFound()
  return {
    session: state.sessions.view(session),
    session_token: session.token,
    session_jwt: state.sessions.jwt(session, now),
    user: state.users.view(user),
  }
}

const loginOrCreate =
  (channel: Channel): RouteHandler =>
  async (request, context) => {
    requirePublicToken(request, context.state.options.publicToken)
    const input = readSendInput(await readJsonObject(request), context.state, channel)
    throttle(context, input.phoneNumber)
    const { phone } = findOrCreateUser(context, input.phoneNumber, false)
    deliverCode(request, context, phone, input)
    return ok({ method_id: phone.phone_id })
  }

const sendPrimary =
  (channel: Channel): RouteHandler =>
  async (request, context) => {
    requirePublicToken(request, context.state.options.publicToken)
    const input = readSendInput(await readJsonObject(request), context.state, channel)
    throttle(context, input.phoneNumber)
    const phone = context.state.users.phoneByNumber(input.phoneNumber)
    if (phone) deliverCode(request, context, phone, input)
    // An unknown number gets the same answer and no SMS, so the endpoint does not reveal who has an account.
    return ok({ method_id: phone ? phone.phone_id : newId('phone-number') })
  }

const sendSecondary =
  (channel: Channel): RouteHandler =>
  async (request, context) => {
    const session = requireSession(request, context)
    const input = readSendInput(await readJsonObject(request), context.state, channel)
    const { users } = context.state
    const user = users.user(session.user_id)
    if (!user) throw sessionNotFound()
    const owned = users.phoneByNumber(input.phoneNumber)
    if (owned && owned.user_id !== user.user_id) throw duplicatePhone()
    throttle(context, input.phoneNumber)
    const phone = owned ?? users.addPhone(user, input.phoneNumber, context.now + PENDING_PHONE_MS)
    deliverCode(request, context, phone, input)
    return ok({ method_id: phone.phone_id })
  }

const authenticate: RouteHandler = async (request, context) => {
  const { state, now } = context
  const { sessionToken } = requirePublicToken(request, state.options.publicToken)
  const body = await readJsonObject(request)
  const code = readCode(body, 'token')
  const methodId = readMethodId(body)
  const minutes = readSessionMinutes(body, 'session_duration_minutes')
  if (minutes === undefined) {
    throw new ApiFailure(400, 'invalid_session_duration_minutes', 'session_duration_minutes is required.')
  }
  const attributes = readAttributes(body, request)
  const { user, factor } = verifyCode(context, methodId, code)
  const existing = sessionToken === null ? undefined : state.sessions.byToken(sessionToken, now)
  const session = sessionAfterAuth(context, existing, user, factor, minutes, attributes) as SessionRecord
  return ok({
    user_id: user.user_id,
    method_id: methodId,
    ...sessionPayload(context, session),
    reset_sessions: false,
  })
}

const sessionsAuthenticate: RouteHandler = async (request, context) => {
  const session = requireSession(request, context)
  const minutes = readSessionMinutes(await readJsonObject(request), 'session_duration_minutes')
  context.state.sessions.touch(session, minutes, context.now)
  return ok(sessionPayload(context, session))
}

const sessionsRevoke: RouteHandler = async (request, context) => {
  const session = requireSession(request, context)
  context.state.sessions.revoke(session)
  return ok({})
}

const usersMe: RouteHandler = async (request, context) => {
  const session = requireSession(request, context)
  const user = context.state.users.user(session.user_id)
  if (!user) throw sessionNotFound()
  return ok({ ...context.state.users.view(user) })
}

export const sdkRoutes: RouteTable = {
  ...perChannel((channel) => ({
    [`/sdk/v1/otps/${channel}/login_or_create`]: { POST: loginOrCreate(channel) },
    [`/sdk/v1/otps/${channel}/send/primary`]: { POST: sendPrimary(channel) },
    [`/sdk/v1/otps/${channel}/send/secondary`]: { POST: sendSecondary(channel) },
  })),
  '/sdk/v1/otps/authenticate': { POST: authenticate },
  '/sdk/v1/sessions/authenticate': { POST: sessionsAuthenticate },
  '/sdk/v1/sessions/revoke': { POST: sessionsRevoke },
  '/sdk/v1/users/me': { GET: usersMe },
}
