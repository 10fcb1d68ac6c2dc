// `@otpkit/react/locales/it`: the built-in strings, for `<PhoneLogin locale="it" strings={it}>` to render
// in this language at first paint (and on the server) without loading them on demand.
export { it } from '../strings/it'
export type { PhoneLoginStrings } from '../strings/types'
