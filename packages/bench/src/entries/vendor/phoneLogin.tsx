// Entry d, vendor: the pre-built login UI configured for SMS one-time passcodes only.
import { OTPMethods, Products, StytchLogin, StytchProvider, createStytchClient } from '@stytch/react'

const config = { products: [Products.otp], otpOptions: { methods: [OTPMethods.SMS], expirationMinutes: 2 } }

export function createApp(publicToken: string) {
  const stytch = createStytchClient(publicToken)
  return (
    <StytchProvider stytch={stytch}>
      <StytchLogin config={config} />
    </StytchProvider>
  )
}
