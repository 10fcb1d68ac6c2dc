import { build } from 'esbuild'
const r = await build({ stdin: { contents: process.argv[2], resolveDir: process.cwd(), loader: 'tsx' }, metafile: true,
  bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, external: ['react', 'react-dom', 'react/jsx-runtime'], conditions: ['@otpkit/source'], logLevel: 'silent' })
for (const [k, v] of Object.entries(Object.values(r.metafile.outputs)[0].inputs)) console.log(v.bytesInOutput, k)
