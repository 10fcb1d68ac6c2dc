import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { StytchProvider } from '@otpkit/react'
import '@otpkit/react/styles.css'
import './app.css'
import { stytch } from './stytch'

export const metadata: Metadata = { title: 'otpkit × Next.js' }

// A Server Component: StytchProvider is a client component from @otpkit/react's build, and `stytch` a
// client reference, so no wrapper of the app's own is needed.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <StytchProvider stytch={stytch}>
          <main className="page">{children}</main>
        </StytchProvider>
      </body>
    </html>
  )
}
