// Entry c, otpkit: the React provider, useStytch and the session hook, with the client they need.
import { createStytchClient } from '@otpkit/core'
import { StytchProvider, useStytch, useStytchSession } from '@otpkit/react'

function SessionStatus() {
  const stytch = useStytch()
  const { session } = useStytchSession()
  return session ? <button onClick={() => stytch.session.revoke()}>Sign out</button> : <p>Signed out</p>
}

export function createApp(publicToken: string) {
  const stytch = createStytchClient(publicToken)
  return (
    <StytchProvider stytch={stytch}>
      <SessionStatus />
    </StytchProvider>
  )
}
