// `@otpkit/react/locales/ar`: the built-in strings, for `<PhoneLogin locale="ar" strings={ar}>` to render
// in this language at first paint (and on the server) without loading them on demand.
export { ar } from '../strings/ar'
export type { PhoneLoginStrings } from '../strings/types'
