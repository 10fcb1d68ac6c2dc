// The example's settings, from environment variables; with none it talks to the local emulator.
// NEXT_PUBLIC_ variables are compiled into the browser bundle at `next build`; the others are read by
// the server at request time and never reach the browser.

/** The emulator's demo credentials (`DEMO_PUBLIC_TOKEN`, `DEMO_PROJECT_ID`, `DEMO_SECRET` in
 * @otpkit/emulator), written out so the browser bundle does not import the emulator; a test checks they agree. */
export const EMULATOR_DEMO = {
  publicToken: 'public-token-test-00000000-0000-4000-8000-6f74706b6974',
  projectId: 'project-test-00000000-0000-4000-8000-6f74706b6974',
  secret: 'secret-test-otpkit-emulator-demo-secret-0000',
}

/** Where `otpkit-emulator` listens by default, and where `npm run start:nextjs` starts it. */
export const EMULATOR_DEFAULT_URL = 'http://127.0.0.1:8787'

const usingEmulator = !process.env.NEXT_PUBLIC_STYTCH_PUBLIC_TOKEN?.trim()

export const browserConfig = {
  publicToken: process.env.NEXT_PUBLIC_STYTCH_PUBLIC_TOKEN?.trim() || EMULATOR_DEMO.publicToken,
  baseUrl:
    process.env.NEXT_PUBLIC_STYTCH_BASE_URL?.trim() || (usingEmulator ? EMULATOR_DEFAULT_URL : undefined),
}
