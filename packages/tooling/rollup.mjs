// One rollup recipe for every published package: ESM + CJS + .d.ts/.d.cts from src/<entry>.ts.
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import esbuild from 'rollup-plugin-esbuild'
import { dts } from 'rollup-plugin-dts'

/**
 * @param {{ dir: string, entries?: string[], typedEntries?: string[], target?: string, copy?: string[] }} options
 *   dir: the package folder; entries: file names under src/ without extension;
 *   typedEntries: the entries that get declaration files (default: all; a bin script exports nothing);
 *   copy: files copied from src/ to dist/ as they are (stylesheets);
 *   target: the syntax shipped, by default the sources' own (tsconfig.base.json's ES2022). Lowered to
 *   ES2020, every class field became a defineProperty helper call in every app's bundle (~180 B gzip of
 *   <PhoneLogin>'s first paint, measured with `pnpm bench`).
 */
export function libraryConfig({
  dir,
  entries = ['index'],
  typedEntries = entries,
  target = 'es2022',
  copy = [],
}) {
  // A fresh dist each build, so stale hashed chunks are never packed.
  rmSync(join(dir, 'dist'), { recursive: true, force: true })
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const deps = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...builtinModules,
  ]
  // Bare imports of dependencies (and their subpaths) and node: builtins stay external.
  const external = (id) =>
    id.startsWith('node:') || deps.some((dep) => id === dep || id.startsWith(`${dep}/`))
  const inputOf = (names) => Object.fromEntries(names.map((name) => [name, join(dir, 'src', `${name}.ts`)]))
  const input = inputOf(entries)
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
        {
          dir: join(dir, 'dist'),
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
        {
          dir: join(dir, 'dist'),
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: 'chunks/[name]-[hash].cjs',
        },
      ],
    },
    ...['d.ts', 'd.cts'].map((ext) => ({
      input: inputOf(typedEntries),
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
