// @otpkit/react: provider, hooks and the pre-built <PhoneLogin>. Nothing here runs at import time;
// the phone library is a separate chunk that only <PhoneLogin> loads. Modules with state, effects or
// context start with "use client" (kept in dist/); this barrel and the hooks-free modules do not, so
// a Server Component can import from it.
export { StytchProvider } from './StytchProvider'
export type { StytchProviderProps } from './StytchProvider'
export { useStytch } from './useStytch'
export { MissingProviderError } from './MissingProviderError'
export { useStytchSession } from './useStytchSession'
export type { SessionState } from './useStytchSession'
export { useStytchUser } from './useStytchUser'
export type { UserState } from './useStytchUser'
export { useSendCode } from './useSendCode'
export type { SendCodeVariables } from './useSendCode'
export { useAuthenticateCode } from './useAuthenticateCode'
export type { AuthenticateCodeVariables } from './useAuthenticateCode'
export type { RequestState, RequestError } from './useStytchMutation'
export { setNotifyFunction } from './notify'
export { PhoneLogin } from './login/PhoneLogin'
export type { PhoneLoginProps } from './login/PhoneLogin'
export type { PhoneLoginEvent } from './login/events'
export type { PhoneLoginStrings, BuiltInLanguage } from './strings/types'
