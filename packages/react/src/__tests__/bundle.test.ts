// @vitest-environment node
// What an app's bundler keeps: an app that only uses the provider and the session hooks must not
// carry the phone library or the request-state library; <PhoneLogin> loads the phone library in a
// chunk of its own, after first paint.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Metafile } from 'esbuild'
import { describe, expect, it } from 'vitest'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..')

async function bundle(contents: string, splitting: boolean, external: string[] = []): Promise<Metafile> {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'tsx' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    splitting,
    outdir: join(packageDir, '.bundle-test'),
    external: ['react', 'react-dom', ...external],
    conditions: ['@otpkit/source'],
    logLevel: 'silent',
  })
  return result.metafile
}

/** Inputs that contributed code to an output file. */
const included = (output: Metafile['outputs'][string]) =>
  Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path)

const entryOutput = (metafile: Metafile) => {
  const entry = Object.values(metafile.outputs).find((output) => output.entryPoint === '<stdin>')
  if (!entry) throw new Error('no entry output')
  return entry
}

describe('bundles', () => {
  it('provider + useStytch + useStytchSession: no libphonenumber-js, no query-core', async () => {
    // Without splitting, a dynamic import that survived tree-shaking would be inlined here.
    const metafile = await bundle(
      "export { StytchProvider, useStytch, useStytchSession, useStytchUser } from './src/index.ts'",
      false,
    )
    const inputs = included(entryOutput(metafile))
    expect(inputs.some((path) => path.includes('src/StytchProvider.tsx'))).toBe(true)
    expect(inputs.filter((path) => path.includes('libphonenumber-js'))).toEqual([])
    expect(inputs.filter((path) => path.includes('@tanstack/query-core'))).toEqual([])
    expect(inputs.filter((path) => path.includes('src/login/') || path.includes('src/strings/'))).toEqual([])
  })

  it('the request hooks bring query-core but not the phone library', async () => {
    const metafile = await bundle("export { useSendCode, useAuthenticateCode } from './src/index.ts'", false)
    const inputs = included(entryOutput(metafile))
    expect(inputs.some((path) => path.includes('@tanstack/query-core'))).toBe(true)
    expect(inputs.filter((path) => path.includes('libphonenumber-js'))).toEqual([])
  })

  it('<PhoneLogin>: one chunk before first paint, the phone step only; the rest and the phone library lazily', async () => {
    // @otpkit/core stays outside: its own layout (the flow built apart from the client, importing
    // nothing of it) exists only in its build, where the bench checks it (firstPaintRequests.test.ts).
    const metafile = await bundle("export { StytchProvider, PhoneLogin } from './src/index.ts'", true, [
      '@otpkit/core',
      '@otpkit/core/flow',
    ])
    const entry = entryOutput(metafile)
    // A chunk shared with a lazy one would be a second request before anything runs.
    expect(entry.imports.filter((chunk) => chunk.kind === 'import-statement' && !chunk.external)).toEqual([])
    // The login flow is not needed before a code is sent.
    expect(entry.imports.filter((chunk) => chunk.path === '@otpkit/core/flow')).toEqual([])
    const firstPaint = included(entry)
    expect(firstPaint.filter((path) => path.includes('libphonenumber-js'))).toEqual([])
    expect(firstPaint.filter((path) => path.includes('@tanstack/query-core'))).toEqual([])
    // English's phone step only; the other languages and the rest of English load on demand.
    expect(
      firstPaint.filter((path) => /src\/strings\/(es|fr|ptBR|de|it|ja|ar|en|enLater)\.ts$/.test(path)),
    ).toEqual([])
    expect(firstPaint.some((path) => path.endsWith('src/strings/enPhoneStep.ts'))).toBe(true)
    expect(firstPaint.filter((path) => path.includes('src/phone/metadata/'))).toEqual([])
    // The code step, the signed-in step, the country list, the words of errors (which only a Send can
    // bring), the country names and the flag check come after the first paint.
    const later =
      /src\/(login\/(CodeEntry|CodeStep|DoneStep|CountryList)\.tsx|login\/describeError\.ts|strings\/enLater\.ts|phone\/(countryNamer|drawsFlagEmoji)\.ts)$/
    expect(firstPaint.filter((path) => later.test(path))).toEqual([])

    const lazy = entry.imports.filter((chunk) => chunk.kind === 'dynamic-import').map((chunk) => chunk.path)
    const lazyInputs = lazy.map((path) => included(metafile.outputs[path] ?? entry))
    // The phone library, the tables of metadata chunks, the whole world's metadata (loaded instead of the
    // tables past 40 calling codes), the seven other languages and the later views.
    expect(lazyInputs).toHaveLength(11)
    const views = lazyInputs.find((inputs) => inputs.some((path) => path.endsWith('src/login/CodeEntry.tsx')))
    expect(views?.filter((path) => later.test(path))).toHaveLength(8)
    const viewsChunk = lazy[views ? lazyInputs.indexOf(views) : -1] ?? ''
    expect(metafile.outputs[viewsChunk]?.imports.map((chunk) => chunk.path)).toContain('@otpkit/core/flow')
    const tools = lazyInputs.find((inputs) => inputs.some((path) => path.endsWith('src/phone/phoneTools.ts')))
    // The library's numbers and metadata, without its AsYouType family (formatAsYouType.ts stands in).
    expect(tools?.some((path) => path.includes('libphonenumber-js/es6/PhoneNumber.js'))).toBe(true)
    expect(tools?.some((path) => path.endsWith('src/phone/formatAsYouType.ts'))).toBe(true)
    expect(tools?.filter((path) => /libphonenumber-js\/es6\/AsYouType/.test(path))).toEqual([])
    expect(tools?.filter((path) => /metadata\.min\.json|src\/phone\/metadata\//.test(path))).toEqual([])
  })
})
