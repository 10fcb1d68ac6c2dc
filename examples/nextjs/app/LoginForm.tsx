'use client'
import { PhoneLogin, useStytchSession } from '@otpkit/react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'

/** The pre-built login; signed in, it goes on to where the proxy sent the visitor from (or /account). */
export function LoginForm({ next }: { next: string }) {
  const router = useRouter()
  const { session } = useStytchSession()

  if (session) {
    return (
      <p>
        You're signed in. <Link href={next}>Go to your account</Link>
      </p>
    )
  }
  return <PhoneLogin expirationMinutes={5} sessionDurationMinutes={60} onSuccess={() => router.push(next)} />
}
