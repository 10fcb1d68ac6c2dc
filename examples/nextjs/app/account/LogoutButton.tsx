'use client'
import { useStytch } from '@otpkit/react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

export function LogoutButton() {
  const stytch = useStytch()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  const logOut = async () => {
    setBusy(true)
    try {
      await stytch.session.revoke()
    } catch (error) {
      // The cookies are cleared even when the server could not be told.
      console.warn('The session was cleared here, but revoking it on the server failed:', error)
    }
    // Asks the server for this page again: without the cookies, the proxy sends it to the login.
    router.refresh()
  }

  return (
    <button type="button" className="button" onClick={logOut} disabled={busy}>
      {busy ? 'Logging out…' : 'Log out'}
    </button>
  )
}
