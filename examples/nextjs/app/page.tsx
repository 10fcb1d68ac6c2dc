import { LoginForm } from './LoginForm'

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>
}) {
  const { next } = await searchParams
  return (
    <section className="card" aria-labelledby="login-title">
      <h1 id="login-title" className="kicker">
        Sign in
      </h1>
      <LoginForm next={safePath(typeof next === 'string' ? next : undefined)} />
    </section>
  )
}

/** Only a path on this site, never another origin (`//evil.example`). */
function safePath(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/account'
}
