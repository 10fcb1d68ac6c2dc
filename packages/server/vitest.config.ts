import { defineConfig } from 'vitest/config'
import { withSource } from '../tooling/vitest.mjs'

export default defineConfig(withSource({ test: { environment: 'node' } }))
