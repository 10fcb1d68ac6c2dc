// `@otpkit/react/locales/en`: the built-in English strings (always in the first paint), e.g. as the base
// of a full set of overrides.
export { en } from '../strings/en'
export type { PhoneLoginStrings } from '../strings/types'
