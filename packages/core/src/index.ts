export type * from './types'
export { createStytchClient, StytchHeadlessClient } from './createStytchClient'
export { createMemoryStorage } from './storage'
export { CHANNELS } from './channels'
export type { Channel, ChannelSpec, SendOption } from './channels'
export {
  StytchError,
  StytchAPIError,
  StytchNetworkError,
  StytchTimeoutError,
  StytchUsageError,
  StytchSchemaError,
  isStytchError,
  isStytchAPIError,
  isStytchNetworkError,
  isStytchTimeoutError,
  isStytchUsageError,
  isStytchSchemaError,
} from './errors'
export type { KnownAPIErrorType, StytchAPIErrorFields, StytchErrorCode, StytchUsageErrorCode } from './errors'
export type { ChannelClient, OtpsClient } from './otps'
export type { SessionClient } from './session'
export type { SessionInfo, UserInfo } from './sessionStore'
export type { UserClient } from './user'
