#!/usr/bin/env node
// Kept outside dist/ so package managers can link the bin before the first build.
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('otpkit-emulator: not built yet. Run `pnpm build` in the workspace first.')
    process.exit(1)
  }
  throw error
})
