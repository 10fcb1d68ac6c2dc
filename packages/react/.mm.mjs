import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const r = await build({ stdin: { contents: `import { createStytchClient } from '@otpkit/core'; import { PhoneLogin, StytchProvider } from './src/index'; export const a = [createStytchClient, PhoneLogin, StytchProvider]`, resolveDir: process.cwd(), loader: 'tsx' },
  bundle: true, write: false, format: 'esm', platform: 'browser', splitting: true, outdir: '/tmp/mm', minify: true, external: ['react', 'react-dom', 'react/jsx-runtime'], conditions: ['@otpkit/source'], logLevel: 'silent' })
let total = 0
for (const f of r.outputFiles) { const g = gzipSync(f.contents, { level: 9 }).length; total += g; console.log(f.path.split('/').pop(), g) }
console.log('total', total)
