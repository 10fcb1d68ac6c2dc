'use client'
// The app's one browser client. This module is a client module, so the root layout (a Server
// Component) can hand `stytch` to <StytchProvider> as a client reference: the client itself is
// created in the browser (and once per server for the server-side render, where it stays signed out).
import { createStytchClient } from '@otpkit/core'
import { browserConfig } from './config'

export const stytch = createStytchClient(
  browserConfig.publicToken,
  browserConfig.baseUrl ? { baseUrl: browserConfig.baseUrl } : {},
)
