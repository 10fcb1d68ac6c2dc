// No second round trip before first paint: an app bundling <PhoneLogin> from the built packages gets one
// entry chunk that imports no other chunk statically, in esbuild, Vite and webpack builds. A module that
// the first paint shared with a lazy chunk would become a chunk of its own that the entry has to fetch
// before anything runs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build as esbuild } from 'esbuild'
import { build as viteBuild } from 'vite'
import type { Rollup } from 'vite'
import webpack from 'webpack'
import { afterAll, describe, expect, test } from 'vitest'
import { packageDir } from '../paths'

const fixtures = join(packageDir, 'src', '__tests__', 'fixtures')
const entry = join(fixtures, 'phoneLoginApp.js')
const outDir = mkdtempSync(join(tmpdir(), 'otpkit-first-paint-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the entry chunk imports no other chunk before it runs', () => {
  test('esbuild', async () => {
    const result = await esbuild({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      outdir: join(outDir, 'esbuild'),
      write: false,
      metafile: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      // React as the size budgets bundle it: bundled here, React's CommonJS makes esbuild put its own
      // interop helpers in a chunk that every chunk imports, whatever the package's structure (an app's
      // HTML can preload it; the browser pages of `pnpm bench` do).
      external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      logLevel: 'silent',
    })
    const main = Object.values(result.metafile.outputs).find((output) =>
      output.entryPoint?.endsWith('phoneLoginApp.js'),
    )
    const staticChunks = main?.imports.filter(
      (imported) => imported.kind === 'import-statement' && !imported.external,
    )
    expect(staticChunks).toEqual([])
    // The lazy parts exist, so the test would see a static import if one were there.
    expect(main?.imports.filter((imported) => imported.kind === 'dynamic-import').length).toBeGreaterThan(2)
  })

  test('Vite (production build of an HTML page)', async () => {
    const output = (await viteBuild({
      root: fixtures,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, outDir: join(outDir, 'vite') },
    })) as Rollup.RollupOutput
    const main = output.output.find(
      (item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry,
    )
    expect(main?.imports).toEqual([])
    expect(main?.dynamicImports.length).toBeGreaterThan(2)
  })

  test('webpack (production mode)', async () => {
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      webpack(
        { mode: 'production', entry: { main: entry }, output: { path: join(outDir, 'webpack') } },
        (error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)),
      )
    })
    const json = stats.toJson({ all: false, entrypoints: true, assets: true, errors: true })
    expect(json.errors).toEqual([])
    // Everything the entry needs before it runs is one file; the lazy chunks are loaded by it later.
    expect(json.entrypoints?.main?.assets?.map((asset) => asset.name)).toEqual(['main.js'])
    expect((json.assets ?? []).length).toBeGreaterThan(3)
  }, 120_000)
})
