// otpkit's pre-built login, as an app would render it.
import '@otpkit/react/styles.css'
import { createRoot } from 'react-dom/client'
import { createStytchClient } from '@otpkit/core'
import { PhoneLogin, StytchProvider } from '@otpkit/react'
import { pageSettings } from './settings'

const { publicToken, baseUrl } = pageSettings()
const stytch = createStytchClient(publicToken, { baseUrl })
createRoot(document.getElementById('root') as HTMLElement).render(
  <StytchProvider stytch={stytch}>
    <PhoneLogin />
  </StytchProvider>,
)
