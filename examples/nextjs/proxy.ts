// Next.js 16's middleware (`proxy.ts`; `middleware.ts` before 16): signed-out visitors of /account go
// to the login, which brings them back after signing in.
import { NextResponse } from 'next/server'
import type { NextRequest } from 'next/server'
import { sessionOf } from './app/session'

export async function proxy(request: NextRequest) {
  if (await sessionOf(request)) return NextResponse.next()
  const login = new URL('/', request.url)
  login.searchParams.set('next', request.nextUrl.pathname)
  return NextResponse.redirect(login)
}

export const config = { matcher: ['/account/:path*'] }
