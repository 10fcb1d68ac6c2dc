// Type-level test, checked by `tsc` (pnpm typecheck): the emulator's users, sessions and keys fit the
// vendor's own TypeScript types, for the browser SDK (@stytch/vanilla-js 6) and the Node SDK (stytch 14).
// A missing or mistyped required field is a compile error here.
import type * as Browser from '@stytch/vanilla-js'
import type { Session as BrowserSession, User as BrowserUser } from '@stytch/vanilla-js'
import type * as Node from 'stytch'
import type { JWK, Session as NodeSession, User as NodeUser } from 'stytch'
import type { Jwk } from '../jwtKeys'
import type { SessionView } from '../sessions'
import type { UserView } from '../store'

type Fits<Actual, Expected> = Actual extends Expected ? true : false
type Assert<T extends true> = T

export type BrowserFamily = [Assert<Fits<UserView, BrowserUser>>, Assert<Fits<SessionView, BrowserSession>>]

export type BackendFamily = [
  // The backend family leaves out `password` (see backendUser in routes/backend.ts).
  Assert<Fits<Omit<UserView, 'password'>, NodeUser>>,
  Assert<Fits<SessionView, NodeSession>>,
  Assert<Fits<Jwk, JWK>>,
]

// Each answer's type, by the endpoint that gives it; vendorShapes.test.ts reads these with the
// TypeScript compiler and checks real answers against every field they require.
export interface BrowserAnswers {
  '/sdk/v1/otps/{channel}/login_or_create': Browser.OTPsLoginOrCreateResponse
  '/sdk/v1/otps/{channel}/send/primary': Browser.OTPsSendResponse
  '/sdk/v1/otps/{channel}/send/secondary': Browser.OTPsSendResponse
  '/sdk/v1/otps/authenticate': Browser.OTPsAuthenticateResponse
  '/sdk/v1/sessions/authenticate': Browser.SessionAuthenticateResponse
  '/sdk/v1/sessions/revoke': Browser.SessionRevokeResponse
  '/sdk/v1/users/me': Browser.ResponseCommon & BrowserUser
}

export interface BackendAnswers {
  '/v1/otps/sms/login_or_create': Node.OTPsSmsLoginOrCreateResponse
  '/v1/otps/sms/send': Node.OTPsSmsSendResponse
  '/v1/otps/whatsapp/login_or_create': Node.OTPsWhatsAppLoginOrCreateResponse
  '/v1/otps/whatsapp/send': Node.OTPsWhatsAppSendResponse
  '/v1/otps/authenticate': Node.OTPsAuthenticateResponse
  '/v1/sessions/authenticate': Node.SessionsAuthenticateResponse
  '/v1/sessions/revoke': Node.SessionsRevokeResponse
  '/v1/sessions/jwks/{project_id}': Node.SessionsGetJWKSResponse
  '/v1/users/{user_id}': Node.UsersGetResponse
}
