import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'
import type { Plugin } from 'vite'
import { relayPlugin, relayProvider } from './relayPlugin.ts'
import { EMULATOR_DEFAULT_URL, resolveConfig } from './src/resolveConfig.ts'

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
  const env = loadEnv(mode, here, 'VITE_')
  // OTPKIT_PROVIDER=moonkey|stytch-backend: the relay on this server, in front of the emulator.
  const provider = relayProvider(process.env.OTPKIT_PROVIDER)
  const app = resolveConfig(provider ? { ...env, VITE_OTPKIT_RELAY: provider } : env)
  const emulatorUrl = env.VITE_STYTCH_BASE_URL?.trim() || EMULATOR_DEFAULT_URL
  return {
    plugins: [react(), strictCsp(app.apiOrigin), ...(provider ? [relayPlugin(provider, emulatorUrl)] : [])],
    // The browser learns only which path is in use; the provider's keys stay in this process.
    define: provider ? { 'import.meta.env.VITE_OTPKIT_RELAY': JSON.stringify(provider) } : {},
    resolve: {
      // Run on the workspace packages' sources (their `@otpkit/source` export condition): no prebuild.
      // Setting `conditions` replaces Vite's defaults, so they are listed again after ours.
      conditions: ['@otpkit/source', 'module', 'browser', 'development|production'],
    },
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  }
})
