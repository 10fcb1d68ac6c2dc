import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'
import type { Plugin } from 'vite'
import { resolveConfig } from './src/resolveConfig.ts'

const here = fileURLToPath(new URL('.', import.meta.url))

/** `vite preview` serves the built app under the strict policy a careful deployment would use; the e2e suite
 * checks the app runs under it with no violation. (The dev server injects styles, so it cannot.) */
function strictCsp(apiOrigin: string): Plugin {
  const policy = `default-src 'self'; connect-src ${apiOrigin}; style-src 'self'`
  return {
    name: 'otpkit-example:strict-csp',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy)
        next()
      })
    },
  }
}

export default defineConfig(({ mode }) => {
  const app = resolveConfig(loadEnv(mode, here, 'VITE_'))
  return {
    plugins: [react(), strictCsp(app.apiOrigin)],
    resolve: {
      // Run on the workspace packages' sources (their `@otpkit/source` export condition): no prebuild.
      // Setting `conditions` replaces Vite's defaults, so they are listed again after ours.
      conditions: ['@otpkit/source', 'module', 'browser', 'development|production'],
    },
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  }
})
