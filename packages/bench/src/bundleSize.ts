// What an entry costs a page: esbuild bundles it the way an app build would (minified ESM for the browser,
// React external, code splitting on so that dynamic imports become chunks of their own) and every chunk
// is weighed raw and at gzip level 9.
import { build } from 'esbuild'
import type { Metafile, OutputFile } from 'esbuild'
import { relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { packageDir } from './paths'

export interface Size {
  raw: number
  gzip: number
}

export interface ChunkSize extends Size {
  /** Output path relative to the virtual output folder. */
  file: string
  isEntry: boolean
  /** Loaded before the first paint: the entry chunk and whatever it imports statically. */
  beforeFirstPaint: boolean
  /**
   * Something in the emitted code can load it (statically or through `import()`). esbuild also emits a
   * chunk for every `import()` it scanned in code that tree shaking then removed; nothing loads those.
   */
  reachable: boolean
  /**
   * Set for a chunk of <PhoneLogin>'s on-demand data, which a page loads only when it needs it: one
   * group of calling codes' phone metadata (named by the group's first two digits: `1` is +1 alone), the
   * table of one zone's groups (a zone is a calling code's first digit), the table of the zones (neither
   * table is needed with the whole world's), the whole world's, or a language other than English.
   */
  data?:
    | { callingCode: string }
    | { zone: string }
    | { callingCodeTable: true }
    | { world: true }
    | { language: string }
}

export interface InputShare {
  /** Source path relative to the bench package, e.g. `../core/dist/index.js`. */
  path: string
  /** Minified bytes this input contributes across all chunks (before compression). */
  bytes: number
}

export interface BundleSize {
  entry: string
  /** All JavaScript chunks the entry can load, statically or through dynamic imports. */
  js: Size
  /** Chunks emitted for dynamic imports in tree-shaken code: listed, never loaded, not in `js`. */
  unreachable: Size
  /** The entry chunk plus its static imports, transitively. */
  firstPaint: Size
  /** What a page with <PhoneLogin>'s default countries (US, CA: calling code 1) in English loads. */
  defaultCountries: Size
  /** What a page that allows every country, in English, loads (the whole world's metadata). */
  everyCountry: Size
  /** Stylesheets that the entry imports (not counted in `js`). */
  css: Size
  chunks: ChunkSize[]
  /** Inputs by contributed bytes, largest first. */
  inputs: InputShare[]
  /** The same, counting only the chunks loaded before the first paint. */
  firstPaintInputs: InputShare[]
  /** Inputs grouped by npm package (or workspace package), largest first. */
  packages: InputShare[]
}

/** The dependencies an app provides itself and that no SDK is charged for. */
export const externalModules = ['react', 'react-dom', 'react/*', 'react-dom/*']

const outdir = 'out'

export function sizeOf(contents: Uint8Array): Size {
  return { raw: contents.byteLength, gzip: gzipSync(contents, { level: 9 }).byteLength }
}

function addSizes(sizes: Size[]): Size {
  return sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
    raw: 0,
    gzip: 0,
  })
}

/** `node_modules/.pnpm/x@1/node_modules/@scope/name/dist/a.js` → `@scope/name`; `../core/dist/a.js` → `@otpkit/core`. */
export function packageOf(inputPath: string): string {
  const parts = inputPath.split('/')
  const last = parts.lastIndexOf('node_modules')
  if (last >= 0) {
    const first = parts[last + 1] ?? ''
    return first.startsWith('@') ? `${first}/${parts[last + 2] ?? ''}` : first
  }
  const packages = parts.indexOf('packages')
  if (parts[0] === '..' && parts[1] && parts[1] !== '..') return `@otpkit/${parts[1]}`
  if (packages >= 0 && parts[packages + 1]) return `@otpkit/${parts[packages + 1]}`
  return inputPath
}

/** Output chunks reachable from `start` through the given kinds of import in the emitted code. */
function closure(metafile: Metafile, start: string, kinds: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const pending = [start]
  while (pending.length > 0) {
    const next = pending.pop()
    if (next === undefined || seen.has(next)) continue
    seen.add(next)
    for (const imported of metafile.outputs[next]?.imports ?? []) {
      if (!imported.external && kinds.includes(imported.kind)) pending.push(imported.path)
    }
  }
  return seen
}

/** What an on-demand data chunk holds, from the modules in it (see ChunkSize.data). */
function dataOf(inputs: string[]): ChunkSize['data'] {
  const only = (pattern: RegExp) => inputs.length > 0 && inputs.every((input) => pattern.test(input))
  const callingCode = /\/phone\/metadata\/(\d+)\.[jt]s$/
  if (only(callingCode)) return { callingCode: callingCode.exec(inputs[0] ?? '')?.[1] ?? '' }
  const zone = /\/phone\/metadata\/zone(\d)\.[jt]s$/
  if (only(zone)) return { zone: zone.exec(inputs[0] ?? '')?.[1] ?? '' }
  if (only(/\/phone\/(loadMetadata|metadata\/loaders)\.[jt]s$/)) return { callingCodeTable: true }
  if (only(/\/phone\/metadata\/world\.[jt]s$/)) return { world: true }
  // The built-in languages other than English, each loaded only by a page in that language.
  const language = /\/strings\/(ar|de|es|fr|it|ja|ptBR)\.[jt]s$/
  if (only(language)) return { language: language.exec(inputs[0] ?? '')?.[1] ?? '' }
  return undefined
}

/** The reachable chunks a page loads when it needs only `wanted` of the on-demand data. */
function loadedWith(chunks: ChunkSize[], wanted: (data: NonNullable<ChunkSize['data']>) => boolean): Size {
  return addSizes(chunks.filter((chunk) => chunk.reachable && (!chunk.data || wanted(chunk.data))))
}

function rank(shares: Map<string, number>): InputShare[] {
  return [...shares].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes)
}

export interface MeasureOptions {
  /**
   * Resolve the workspace packages to their sources (the `@otpkit/source` condition) instead of dist/.
   * Only for attributing bytes to source modules: budgets are measured on the built packages.
   */
  fromSources?: boolean
}

/** `../core/src/transport.ts` → `core/src/transport.ts`; `…/node_modules/a/b.js` → `a/b.js`. */
export function displayPath(inputPath: string): string {
  const parts = inputPath.split('/')
  const last = parts.lastIndexOf('node_modules')
  if (last >= 0) return parts.slice(last + 1).join('/')
  return parts.filter((part) => part !== '..').join('/')
}

/** Bundles one entry file in memory, as an app build would (see the top of this file). */
export function bundleEntry(entry: string, options: MeasureOptions = {}) {
  return build({
    entryPoints: [entry],
    absWorkingDir: packageDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir,
    write: false,
    metafile: true,
    external: externalModules,
    jsx: 'automatic',
    // By default esbuild's own conditions: plain package resolution as an app would do.
    ...(options.fromSources ? { conditions: ['@otpkit/source', 'module'] } : {}),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
}

/** Bundles one entry file in memory and weighs what came out. */
export async function measureBundle(entry: string, options: MeasureOptions = {}): Promise<BundleSize> {
  const result = await bundleEntry(entry, options)
  const metafile = result.metafile
  const files = new Map<string, OutputFile>(
    result.outputFiles.map((file) => [relative(packageDir, file.path).split('\\').join('/'), file]),
  )
  // Dynamic-import chunks name an entry point too: the entry chunk is the one for the file bundled.
  const entryPath = relative(packageDir, entry).split('\\').join('/')
  const entryKey = Object.keys(metafile.outputs).find(
    (key) => metafile.outputs[key]?.entryPoint === entryPath && key.endsWith('.js'),
  )
  if (entryKey === undefined) throw new Error(`esbuild produced no entry chunk for ${entry}`)
  const firstPaintKeys = closure(metafile, entryKey, ['import-statement'])
  const reachableKeys = closure(metafile, entryKey, ['import-statement', 'dynamic-import'])

  const chunks: ChunkSize[] = []
  const cssSizes: Size[] = []
  const inputBytes = new Map<string, number>()
  const firstPaintBytes = new Map<string, number>()
  const packageBytes = new Map<string, number>()
  for (const [key, output] of Object.entries(metafile.outputs)) {
    const file = files.get(key)
    if (file === undefined) continue
    if (key.endsWith('.css')) {
      cssSizes.push(sizeOf(file.contents))
      continue
    }
    if (!key.endsWith('.js')) continue
    const data = dataOf(
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([input]) => input),
    )
    chunks.push({
      ...(data && { data }),
      file: relative(resolve(packageDir, outdir), resolve(packageDir, key)),
      ...sizeOf(file.contents),
      isEntry: key === entryKey,
      beforeFirstPaint: firstPaintKeys.has(key),
      reachable: reachableKeys.has(key),
    })
    if (!reachableKeys.has(key)) continue
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      inputBytes.set(input, (inputBytes.get(input) ?? 0) + bytesInOutput)
      if (firstPaintKeys.has(key))
        firstPaintBytes.set(input, (firstPaintBytes.get(input) ?? 0) + bytesInOutput)
      const owner = packageOf(input)
      packageBytes.set(owner, (packageBytes.get(owner) ?? 0) + bytesInOutput)
    }
  }
  chunks.sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || b.gzip - a.gzip)
  return {
    entry: relative(packageDir, entry),
    js: addSizes(chunks.filter((chunk) => chunk.reachable)),
    unreachable: addSizes(chunks.filter((chunk) => !chunk.reachable)),
    firstPaint: addSizes(chunks.filter((chunk) => chunk.beforeFirstPaint)),
    defaultCountries: loadedWith(
      chunks,
      (data) =>
        'callingCodeTable' in data ||
        ('zone' in data && data.zone === '1') ||
        ('callingCode' in data && data.callingCode === '1'),
    ),
    everyCountry: loadedWith(chunks, (data) => 'world' in data),
    css: addSizes(cssSizes),
    chunks,
    inputs: rank(inputBytes),
    firstPaintInputs: rank(firstPaintBytes),
    packages: rank(packageBytes),
  }
}
