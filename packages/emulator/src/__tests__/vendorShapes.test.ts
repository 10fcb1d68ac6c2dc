// Runtime check of every answer of both families against the vendor's own TypeScript response types:
// the TypeScript compiler reads the types named in vendorTypes.typetest.ts, and each real answer must
// carry every field they require, with a value of the required kind, all the way down.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEmulator, DEMO_PROJECT_ID, type Channel } from '../index'
import { backend, data, lastCode, OTHER_PHONE, PHONE, sdk, signIn } from './helpers'

const here = dirname(fileURLToPath(import.meta.url))
let checker: ts.TypeChecker
let answerTypes: Map<string, ts.Type>

beforeAll(() => {
  const configPath = join(here, '..', '..', 'tsconfig.json')
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path))
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath))
  const file = join(here, 'vendorTypes.typetest.ts')
  const program = ts.createProgram([file], { ...options, noEmit: true })
  checker = program.getTypeChecker()
  const source = program.getSourceFile(file) as ts.SourceFile
  const module = checker.getSymbolAtLocation(source) as ts.Symbol
  answerTypes = new Map()
  for (const name of ['BrowserAnswers', 'BackendAnswers']) {
    const symbol = checker.getExportsOfModule(module).find((s) => s.getName() === name) as ts.Symbol
    for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
      answerTypes.set(property.getName(), checker.getTypeOfSymbol(property))
    }
  }
}, 60_000)

/** Object types, intersections and the conditional types the SDKs build their answers from. */
const hasFields = (type: ts.Type) => checker.getPropertiesOfType(type).length > 0

/** Where `value` falls short of `type`: missing required fields and values of the wrong kind. */
function problems(value: unknown, type: ts.Type, path: string, found: string[] = [], depth = 0): string[] {
  if (depth > 8 || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return found
  if (type.isUnion()) {
    const members = type.types
    if (value === null && members.some((t) => t.flags & ts.TypeFlags.Null)) return found
    if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) {
      if (typeof value !== 'boolean') found.push(`${path} should be a boolean`)
      return found
    }
    if (members.every((t) => t.isStringLiteral())) {
      const allowed = members.map((t) => (t as ts.StringLiteralType).value)
      if (!allowed.includes(value as string)) found.push(`${path} should be one of ${allowed.join(', ')}`)
      return found
    }
    // One of several shapes (the kinds of authentication factor, tokens or redacted tokens): the value
    // must fit at least one; otherwise the closest one's problems are reported.
    const fits = members.filter(hasFields).map((member) => problems(value, member, path, [], depth + 1))
    if (fits.length > 0) found.push(...fits.reduce((best, next) => (next.length < best.length ? next : best)))
    return found
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return [...found, `${path} should be an array`]
    const [element] = checker.getTypeArguments(type as ts.TypeReference)
    value.forEach((item, index) => problems(item, element as ts.Type, `${path}[${index}]`, found, depth + 1))
    return found
  }
  if (hasFields(type)) {
    if (typeof value !== 'object' || value === null) return [...found, `${path} should be an object`]
    for (const property of checker.getPropertiesOfType(type)) {
      if (property.flags & ts.SymbolFlags.Optional) continue
      const name = property.getName()
      if (!(name in value)) {
        found.push(`${path}.${name} is missing`)
        continue
      }
      const child = (value as Record<string, unknown>)[name]
      problems(child, checker.getTypeOfSymbol(property), `${path}.${name}`, found, depth + 1)
    }
  }
  if (type.flags & ts.TypeFlags.StringLike) {
    if (typeof value !== 'string') found.push(`${path} should be a string`)
    return found
  }
  if (type.flags & ts.TypeFlags.NumberLike) {
    if (typeof value !== 'number') found.push(`${path} should be a number`)
    return found
  }
  if (type.flags & ts.TypeFlags.BooleanLike) {
    if (typeof value !== 'boolean') found.push(`${path} should be a boolean`)
    return found
  }
  return found
}

function check(endpoint: string, answer: unknown): void {
  const type = answerTypes.get(endpoint)
  if (!type) throw new Error(`no vendor type for ${endpoint}`)
  expect(problems(answer, type, endpoint)).toEqual([])
}

describe("every answer fits the vendor's response types", () => {
  it('the walker finds what is missing (so the checks below can fail)', () => {
    const type = answerTypes.get('/sdk/v1/sessions/authenticate') as ts.Type
    expect(problems({ request_id: 'r', status_code: 200 }, type, 'x')).toEqual(
      expect.arrayContaining(['x.user_id is missing', 'x.session is missing', 'x.user is missing']),
    )
    expect(problems({ status: 'sleeping' }, answerTypes.get('/sdk/v1/users/me') as ts.Type, 'u')).toEqual(
      expect.arrayContaining(['u.status should be one of active, pending', 'u.roles is missing']),
    )
  })

  it.each(['sms', 'whatsapp'] as Channel[])(
    'the browser family (@stytch/vanilla-js 6), %s',
    async (channel) => {
      const emulator = createEmulator()
      const send = await sdk(emulator.fetch, `/otps/${channel}/login_or_create`, { phone_number: PHONE })
      check('/sdk/v1/otps/{channel}/login_or_create', data(send.json))
      const methodId = data(send.json).method_id as string
      const auth = await sdk(emulator.fetch, '/otps/authenticate', {
        token: lastCode(emulator),
        method_id: methodId,
        session_duration_minutes: 60,
      })
      check('/sdk/v1/otps/authenticate', data(auth.json))
      const session = data(auth.json).session_token as string
      const primary = await sdk(emulator.fetch, `/otps/${channel}/send/primary`, {
        phone_number: OTHER_PHONE,
      })
      check('/sdk/v1/otps/{channel}/send/primary', data(primary.json))
      const secondary = await sdk(
        emulator.fetch,
        `/otps/${channel}/send/secondary`,
        { phone_number: OTHER_PHONE },
        { session },
      )
      check('/sdk/v1/otps/{channel}/send/secondary', data(secondary.json))
      const refreshed = await sdk(emulator.fetch, '/sessions/authenticate', {}, { session })
      check('/sdk/v1/sessions/authenticate', data(refreshed.json))
      check('/sdk/v1/users/me', data((await sdk(emulator.fetch, '/users/me', undefined, { session })).json))
      check(
        '/sdk/v1/sessions/revoke',
        data((await sdk(emulator.fetch, '/sessions/revoke', {}, { session })).json),
      )
    },
  )

  it.each(['sms', 'whatsapp'] as Channel[])('the backend family (stytch 14), %s', async (channel) => {
    const emulator = createEmulator()
    const created = await backend(emulator.fetch, `/otps/${channel}/login_or_create`, { phone_number: PHONE })
    check(`/v1/otps/${channel}/login_or_create`, created.json)
    const sent = await backend(emulator.fetch, `/otps/${channel}/send`, { phone_number: PHONE })
    check(`/v1/otps/${channel}/send`, sent.json)
    const auth = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: sent.json.phone_id,
      code: lastCode(emulator),
      session_duration_minutes: 60,
    })
    check('/v1/otps/authenticate', auth.json)
    const session_token = auth.json.session_token as string
    check(
      '/v1/sessions/authenticate',
      (await backend(emulator.fetch, '/sessions/authenticate', { session_token })).json,
    )
    check(
      `/v1/users/{user_id}`,
      (await backend(emulator.fetch, `/users/${String(created.json.user_id)}`)).json,
    )
    check(
      '/v1/sessions/jwks/{project_id}',
      (await backend(emulator.fetch, `/sessions/jwks/${DEMO_PROJECT_ID}`)).json,
    )
    check('/v1/sessions/revoke', (await backend(emulator.fetch, '/sessions/revoke', { session_token })).json)
  })

  it('a session signed in through the browser family reads the same through the backend', async () => {
    const emulator = createEmulator()
    const { session_token } = await signIn(emulator)
    check(
      '/v1/sessions/authenticate',
      (await backend(emulator.fetch, '/sessions/authenticate', { session_token })).json,
    )
  })
})
