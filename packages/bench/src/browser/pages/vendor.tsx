// The vendor's pre-built login, SMS one-time passcodes only, as an app would render it.
import { createRoot } from 'react-dom/client'
import { OTPMethods, Products, StytchLogin, StytchProvider, createStytchClient } from '@stytch/react'
import { pageSettings } from './settings'

const { publicToken, baseUrl } = pageSettings()
const stytch = createStytchClient(publicToken, { customBaseUrl: baseUrl })
const config = { products: [Products.otp], otpOptions: { methods: [OTPMethods.SMS], expirationMinutes: 2 } }
createRoot(document.getElementById('root') as HTMLElement).render(
  <StytchProvider stytch={stytch}>
    <StytchLogin config={config} />
  </StytchProvider>,
)
