export { createEmulator } from './emulator'
export type { Emulator, EmulatorFaults } from './emulator'
export {
  DEMO_MOONKEY_API_KEY,
  DEMO_MOONKEY_PUBLIC_KEY,
  DEMO_PROJECT_ID,
  DEMO_PUBLIC_TOKEN,
  DEMO_SECRET,
} from './options'
export type { EmulatorOptions, RateLimitOptions, SentMessage, UserLockOptions } from './options'
export type { Fault, FaultKind } from './faults'
export { SANDBOX_CODE, SANDBOX_PHONE_NUMBER } from './phone'
export { CHANNELS } from './channels'
export type { Channel } from './channels'
export { composeMessageText } from './messageText'
export type { MessageTextInput } from './messageText'
