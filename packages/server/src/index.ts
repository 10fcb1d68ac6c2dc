// @otpkit/server: what an app's own server runs beside otpkit's browser client.
export {}
export * from './getSession'
