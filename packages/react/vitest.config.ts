// The suite runs twice: on React 19 (the installed `react`) and on React 18 (the `react-18` /
// `react-dom-18` aliases). For 18, imports that vite resolves are aliased, @testing-library/react is
// inlined so its imports go through the aliases, and setup-react18.ts redirects the CommonJS
// `require('react')` inside react-dom 18 itself.
import { dirname } from 'node:path'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'
import { withSource } from '../tooling/vitest.mjs'

const require = createRequire(import.meta.url)
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`))

const react18Aliases = [
  { find: /^react-dom(\/.*)?$/, replacement: `${packageDir('react-dom-18')}$1` },
  { find: /^react(\/.*)?$/, replacement: `${packageDir('react-18')}$1` },
]

export default defineConfig(
  withSource({
    test: {
      environment: 'jsdom',
      // Vitest keeps one core for itself by default, which on a 2-core CI machine means one worker for 30
      // jsdom files; its own work is light, so use every core.
      maxWorkers: availableParallelism(),
      projects: [
        {
          extends: true,
          test: { name: 'react-19', env: { REACT_MAJOR: '19' }, setupFiles: ['./src/__tests__/setup.ts'] },
        },
        {
          extends: true,
          resolve: { alias: react18Aliases },
          test: {
            name: 'react-18',
            env: { REACT_MAJOR: '18' },
            setupFiles: ['./src/__tests__/setup-react18.ts', './src/__tests__/setup.ts'],
            server: { deps: { inline: [/@testing-library\/react/] } },
            // Holds the phone tools to AsYouType without React: once (on 19) is enough for its ~30 s.
            exclude: [...configDefaults.exclude, 'src/__tests__/formatAsYouType.test.ts'],
          },
        },
      ],
    },
  }),
)
