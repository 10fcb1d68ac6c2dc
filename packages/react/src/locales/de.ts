// `@otpkit/react/locales/de`: the built-in strings, for `<PhoneLogin locale="de" strings={de}>` to render
// in this language at first paint (and on the server) without loading them on demand.
export { de } from '../strings/de'
export type { PhoneLoginStrings } from '../strings/types'
