// `@otpkit/react/locales/es`: the built-in strings, for `<PhoneLogin locale="es" strings={es}>` to render
// in this language at first paint (and on the server) without loading them on demand.
export { es } from '../strings/es'
export type { PhoneLoginStrings } from '../strings/types'
