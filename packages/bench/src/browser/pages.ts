// Production builds of the three pages the browser section measures, each bundled on its own by esbuild
// with the bench's settings (minified ESM, code splitting), React included, written to a folder that a
// loopback server then serves.
import { build } from 'esbuild'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageDir } from '../paths'

export type PageId = 'baseline' | 'otpkit' | 'vendor'
export const pageIds: readonly PageId[] = ['baseline', 'otpkit', 'vendor']

function html(page: PageId, hasCss: boolean, preloads: string[]): string {
  const css = hasCss ? `<link rel="stylesheet" href="./${page}.css">` : ''
  const links = preloads.map((file) => `<link rel="modulepreload" href="./${file}">`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${page}</title>${css}${links}</head><body><main id="root"></main><script type="module" src="./${page}.js"></script></body></html>`
}

/** Builds every page under `dir/<page>/`; returns nothing but throws on a build error. */
export async function buildPages(dir: string): Promise<void> {
  for (const page of pageIds) {
    const outdir = join(dir, page)
    mkdirSync(outdir, { recursive: true })
    const result = await build({
      entryPoints: [join(packageDir, 'src', 'browser', 'pages', `${page}.tsx`)],
      absWorkingDir: packageDir,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      splitting: true,
      outdir,
      metafile: true,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    })
    const outputs = result.metafile.outputs
    const hasCss = Object.keys(outputs).some((file) => file.endsWith(`${page}.css`))
    // As an app's HTML would (Vite writes these itself): chunks the entry imports statically are
    // preloaded, so they download alongside it rather than after it. With React bundled (CommonJS) and
    // any dynamic import, esbuild always moves its own interop helpers into such a chunk.
    const entry = Object.entries(outputs).find(([file]) => file.endsWith(`/${page}.js`))?.[1]
    const preloads = (entry?.imports ?? [])
      .filter((imported) => imported.kind === 'import-statement' && !imported.external)
      .map((imported) => imported.path.split('/').pop() ?? '')
    writeFileSync(join(outdir, 'index.html'), html(page, hasCss, preloads))
  }
}
