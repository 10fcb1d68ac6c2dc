// Its own module, without "use client": a Server Component can import it (and check `instanceof`)
// without pulling in the hooks.

/** Thrown when a hook or <PhoneLogin> renders outside <StytchProvider>. */
export class MissingProviderError extends Error {
  override name = 'MissingProviderError'
  readonly code = 'missing_provider'

  constructor(hook: string) {
    super(
      `${hook} must be used inside <StytchProvider stytch={client}>. Wrap your app (or this part of it) in the provider from @otpkit/react.`,
    )
  }
}
