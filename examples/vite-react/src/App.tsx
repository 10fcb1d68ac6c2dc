import { lazy, Suspense, useState } from 'react'
import { useStytchSession } from '@otpkit/react'
import { config } from './config'
import { RELAY_PATH } from './resolveConfig'
import { HeadlessLoginPage } from './HeadlessLoginPage'
import { LoginPage } from './LoginPage'
import { NavLink } from './NavLink'
import { useRoute } from './router'

// The signed-in page formats the number with libphonenumber-js and the whole world's metadata: a chunk of
// its own, fetched once someone is signed in, so that the login's first paint does not carry it.
const SignedInPage = lazy(() => import('./SignedInPage').then((module) => ({ default: module.SignedInPage })))

export function App() {
  const { session, isInitialized } = useStytchSession()
  const route = useRoute()
  // Focus follows a sign-in or a log-out to the new page's heading (the element it was on is gone);
  // a page that is simply loaded keeps the browser's own focus.
  const signedIn = isInitialized ? Boolean(session) : null
  const [previous, setPrevious] = useState(signedIn)
  const [moved, setMoved] = useState(false)
  if (previous !== signedIn) {
    setPrevious(signedIn)
    setMoved(previous !== null && signedIn !== null)
  }

  let page
  if (!isInitialized) page = null
  else if (session) page = <SignedInPage session={session} focusHeading={moved} />
  else if (route === 'headless') page = <HeadlessLoginPage focusHeading={moved} />
  else page = <LoginPage focusHeading={moved} />

  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" />
            <rect x="10" y="6" width="12" height="20" rx="2.5" className="brand-phone" />
            <circle cx="16" cy="22" r="1.2" className="brand-dot" />
          </svg>
          <span>otpkit</span>
          <span className="brand-tag">example</span>
        </a>
        <nav aria-label="Ways to log in">
          <NavLink to="component">Pre-built component</NavLink>
          <NavLink to="headless">Headless hooks</NavLink>
        </nav>
      </header>
      <main className="stage">
        <Suspense fallback={null}>{page}</Suspense>
      </main>
      <footer className="footnote">
        {config.relay ? (
          <p>
            Running through this app's own server (the relay at {RELAY_PATH}) to{' '}
            {config.relay.provider === 'moonkey' ? 'MoonKey' : "Stytch's backend API"}, played by the local
            emulator. Codes are printed in the terminal and in the{' '}
            <a
              href={new URL('/__emulator/', config.relay.emulatorOrigin).href}
              target="_blank"
              rel="noreferrer"
            >
              emulator's inbox
            </a>
            .
          </p>
        ) : config.usingEmulator ? (
          <p>
            Running against the local emulator. Codes are printed in the terminal and in the{' '}
            <a href={new URL('/__emulator/', config.apiOrigin).href} target="_blank" rel="noreferrer">
              emulator's inbox
            </a>
            .
          </p>
        ) : (
          <p>Running against the Stytch API at {config.apiOrigin}.</p>
        )}
      </footer>
    </div>
  )
}
