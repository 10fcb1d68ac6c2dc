import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const entries = process.argv.slice(2)
for (const e of entries) {
const r = await build({ stdin: { contents: e, resolveDir: process.cwd(), loader: 'tsx' },
  bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, external: ['react', 'react-dom', 'react/jsx-runtime', 'libphonenumber-js*'], conditions: ['@otpkit/source'], logLevel: 'silent' })
console.log(gzipSync(r.outputFiles[0].contents, { level: 9 }).length, r.outputFiles[0].contents.length, e.slice(0,90))
}
