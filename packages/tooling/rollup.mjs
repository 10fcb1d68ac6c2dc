// One rollup recipe for every published package: ESM + CJS + .d.ts/.d.cts from src/<entry>.ts.
import { copyFileSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import esbuild from 'rollup-plugin-esbuild'
import { dts } from 'rollup-plugin-dts'

/**
 * @param {{ dir: string, entries?: string[], target?: string, copy?: string[] }} options
 *   dir: the package folder; entries: file names under src/ without extension;
 *   copy: files copied from src/ to dist/ as they are (stylesheets).
 */
export function libraryConfig({ dir, entries = ['index'], target = 'es2020', copy = [] }) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const deps = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...builtinModules,
  ]
  // Bare imports of dependencies (and their subpaths) and node: builtins stay external.
  const external = (id) =>
    id.startsWith('node:') || deps.some((dep) => id === dep || id.startsWith(`${dep}/`))
  const input = Object.fromEntries(entries.map((name) => [name, join(dir, 'src', `${name}.ts`)]))
  const copyFiles = {
    name: 'copy-files',
    writeBundle() {
      for (const file of copy) copyFileSync(join(dir, 'src', file), join(dir, 'dist', file))
    },
  }
  return [
    {
      input,
      external,
      plugins: [esbuild({ target, jsx: 'automatic', tsconfig: join(dir, 'tsconfig.json') }), copyFiles],
      output: [
        { dir: join(dir, 'dist'), format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        { dir: join(dir, 'dist'), format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      ],
    },
    ...['d.ts', 'd.cts'].map((ext) => ({
      input,
      external,
      plugins: [dts({ tsconfig: join(dir, 'tsconfig.json') })],
      output: {
        dir: join(dir, 'dist'),
        format: 'es',
        entryFileNames: `[name].${ext}`,
        chunkFileNames: `chunks/[name]-[hash].${ext}`,
      },
    })),
  ]
}
