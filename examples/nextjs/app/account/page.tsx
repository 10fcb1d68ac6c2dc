import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { sessionOf } from '../session'
import { LogoutButton } from './LogoutButton'

// Rendered on the server for every request: the number comes from the session cookies, checked by
// getSession, and is in the HTML before any JavaScript runs.
export default async function AccountPage() {
  const result = await sessionOf({ headers: await headers() })
  // The proxy already sent signed-out visitors away; this covers a session that ended in between.
  if (!result) redirect('/?next=/account')
  return (
    <section className="card" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <dl className="facts">
        <div>
          <dt>Phone number</dt>
          <dd>{result.phoneNumber ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>User ID</dt>
          <dd>
            <code>{result.session.user_id}</code>
          </dd>
        </div>
        <div>
          <dt>Session ends</dt>
          <dd>
            <time dateTime={result.session.expires_at}>{result.session.expires_at}</time>
          </dd>
        </div>
      </dl>
      <LogoutButton />
    </section>
  )
}
