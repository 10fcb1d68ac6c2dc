import { parseArgs } from 'node:util'
import type { EmulatorOptions } from './options'
import { assertLoopback } from './loopback'
import type { EmulatorServerOptions } from './server'

export const HELP = `Usage: otpkit-emulator [options]

A local stand-in for the phone one-time passcode API (SMS and WhatsApp), with an inbox.
A development tool: never run it as a production server.

Options:
  --port <n>             Port to listen on; 0 picks a free one (default 8787)
  --host <host>          Interface to bind (default 127.0.0.1). Non-loopback hosts
                         are only bound when given here explicitly.
  --public-token <t>     Public token the /sdk/v1 endpoints accept (default: demo token)
  --project-id <id>      Project id for /v1 Basic auth (default: demo project id)
  --secret <secret>      Secret for /v1 Basic auth (default: demo secret)
  --moonkey-api-key <k>  MoonKey secret key (sk_…) for /v1/auth (default: demo key)
  --moonkey-public-key <k>
                         MoonKey public key (pk_…) (default: demo key)
  --countries <list>     Allowed countries, comma-separated ISO codes (default US,CA)
  --app-origin <origin>  Your app's origin: allowed by CORS and used as the autofill
                         host when a request has no Origin header
  --code-lifetime <s>    Code lifetime in seconds when a request sets none (default 120)
  --rate-limit <n/s>     Sends per phone number per window, e.g. 5/600 (default 5/600)
  --user-lock <n/s>      Failed code checks in a row that lock a user, and for how
                         many seconds, e.g. 10/3600 (default 10/3600)
  --max-messages <n>     Messages the inbox keeps, newest first (default 1000)
  -h, --help             Show this help
`

export class UsageError extends Error {
  override name = 'UsageError'
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${text}"`)
  }
  return value
}

/** `5/600` → [5, 600]: a count up to a million, then seconds up to 30 days. */
function pair(flag: string, text: string, example: string): [number, number] {
  const match = /^(\d+)\/(\d+)$/.exec(text)
  if (!match?.[1] || !match[2]) throw new UsageError(`${flag} must look like ${example}`)
  return [integer(flag, match[1], 1, 1_000_000), integer(flag, match[2], 1, 86400 * 30)]
}

/** Turns argv into server options; `help: true` when the help text was asked for. */
export function parseCliArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): { help: true } | { help: false; options: EmulatorServerOptions } {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-token': { type: 'string' },
        'project-id': { type: 'string' },
        secret: { type: 'string' },
        'moonkey-api-key': { type: 'string' },
        'moonkey-public-key': { type: 'string' },
        countries: { type: 'string' },
        'app-origin': { type: 'string' },
        'code-lifetime': { type: 'string' },
        'rate-limit': { type: 'string' },
        'user-lock': { type: 'string' },
        'max-messages': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) return { help: true }

  // An environment variable may pick a loopback address, but exposing the emulator takes the flag.
  const host = values.host ?? env.OTPKIT_EMULATOR_HOST ?? '127.0.0.1'
  try {
    assertLoopback(host, values.host !== undefined)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const options: EmulatorServerOptions & EmulatorOptions = {
    port: integer('--port', values.port ?? env.OTPKIT_EMULATOR_PORT ?? '8787', 0, 65535),
    host,
  }
  if (values['public-token'] !== undefined) options.publicToken = values['public-token']
  if (values['project-id'] !== undefined) options.projectId = values['project-id']
  if (values.secret !== undefined) options.secret = values.secret
  if (values['moonkey-api-key'] !== undefined) options.moonkeyApiKey = values['moonkey-api-key']
  if (values['moonkey-public-key'] !== undefined) options.moonkeyPublicKey = values['moonkey-public-key']
  if (values.countries !== undefined) {
    options.countries = values.countries
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean)
  }
  if (values['app-origin'] !== undefined) options.appOrigin = values['app-origin']
  if (values['code-lifetime'] !== undefined) {
    options.codeLifetimeSeconds = integer('--code-lifetime', values['code-lifetime'], 1, 86400)
  }
  if (values['rate-limit'] !== undefined) {
    const [max, windowSeconds] = pair('--rate-limit', values['rate-limit'], '5/600 (sends/seconds)')
    options.rateLimit = { max, windowSeconds }
  }
  if (values['user-lock'] !== undefined) {
    const [maxFailures, lockSeconds] = pair('--user-lock', values['user-lock'], '10/3600 (failures/seconds)')
    options.userLock = { maxFailures, lockSeconds }
  }
  if (values['max-messages'] !== undefined) {
    options.maxMessages = integer('--max-messages', values['max-messages'], 1, 1_000_000)
  }
  return { help: false, options }
}
