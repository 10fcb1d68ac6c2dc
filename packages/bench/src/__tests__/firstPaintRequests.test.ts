// No second round trip before first paint: an app bundling <PhoneLogin> from the built packages gets one
// entry chunk that imports no other chunk statically. Only esbuild is covered so far: Vite's build puts
// its own preload helper in a chunk that the entry imports, and webpack is not tried yet (BENCHMARKS.md).
// A module that the first paint shared with a lazy chunk would become a chunk of its own that the entry
// has to fetch before anything runs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build as esbuild } from 'esbuild'
import { afterAll, describe, expect, test } from 'vitest'
import { packageDir } from '../paths'

const entry = join(packageDir, 'src', '__tests__', 'fixtures', 'phoneLoginApp.js')
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
      // React as the bench bundles it: bundled here, React's CommonJS would make esbuild put its own
      // interop helpers in a chunk that every chunk imports, whatever the package's structure.
      external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      logLevel: 'silent',
    })
    const outputs = Object.values(result.metafile.outputs)
    const main = outputs.find((output) => output.entryPoint?.endsWith('phoneLoginApp.js'))
    expect(
      main?.imports.filter((imported) => imported.kind === 'import-statement' && !imported.external),
    ).toEqual([])
    // The lazy parts exist, so the test would see a static import if one were there.
    expect(main?.imports.filter((imported) => imported.kind === 'dynamic-import').length).toBeGreaterThan(2)
  })
})
