// Node 20 cannot run TypeScript, so esbuild compiles the bench's own runner into dist/ (the code under
// measurement is not compiled here: it is loaded from node_modules as published or built).
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/cli.ts', 'src/worker.ts'],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  packages: 'external',
  logLevel: 'warning',
})
