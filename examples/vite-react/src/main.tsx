import { createStytchClient } from '@otpkit/core'
import { StytchProvider } from '@otpkit/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@otpkit/react/styles.css'
import './app.css'
import { App } from './App'
import { config } from './config'

// One client for the whole app, created once, outside React.
const stytch = createStytchClient(config.publicToken, config.baseUrl ? { baseUrl: config.baseUrl } : {})

// A session restored from storage is shown at once, and the client confirms it with the server by itself
// (storage keeps no phone number; that answer brings it back): if it was revoked or has expired meanwhile,
// the client clears it and the login appears. A network failure keeps it.

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    {/* A browser-only app: render the stored session from the first paint, no loading flash. */}
    <StytchProvider stytch={stytch} assumeHydrated>
      <App />
    </StytchProvider>
  </StrictMode>,
)
