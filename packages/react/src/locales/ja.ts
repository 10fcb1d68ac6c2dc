// `@otpkit/react/locales/ja`: the built-in strings, for `<PhoneLogin locale="ja" strings={ja}>` to render
// in this language at first paint (and on the server) without loading them on demand.
export { ja } from '../strings/ja'
export type { PhoneLoginStrings } from '../strings/types'
