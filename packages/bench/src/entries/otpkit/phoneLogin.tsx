// Entry d, otpkit: the pre-built SMS login with its stylesheet.
import '@otpkit/react/styles.css'
import { createStytchClient } from '@otpkit/core'
import { PhoneLogin, StytchProvider } from '@otpkit/react'

export function createApp(publicToken: string) {
  const stytch = createStytchClient(publicToken)
  return (
    <StytchProvider stytch={stytch}>
      <PhoneLogin />
    </StytchProvider>
  )
}
