// @otpkit/react in Next.js's App Router: the built package keeps its "use client" boundaries, so a
// Server Component can import every export and a Client Component can use every one.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { nextBuild } from './nextBuild'

const reactDir = join(import.meta.dirname, '../../../packages/react')
const fixture = join(import.meta.dirname, '../fixtures/client-boundaries')
const distDir = '.next-test'

/** The directives at the top of a file ('use strict', 'use client', …). */
function directives(code: string): string[] {
  const found: string[] = []
  const prologue = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*\s*(['"])(use [a-z ]+)\1;?/
  let rest = code
  for (let match = prologue.exec(rest); match; match = prologue.exec(rest)) {
    found.push(match[2]!)
    rest = rest.slice(match[0].length)
  }
  return found
}

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name) && !name.includes('__tests__'))
    .map((name) => join(dir, name))
}

// React APIs a Server Component cannot use: a module importing one is client code.
const CLIENT_ONLY =
  /\b(createContext|useState|useEffect|useLayoutEffect|useContext|useReducer|useRef|useSyncExternalStore)\b/

describe('@otpkit/react dist/', () => {
  const built = files(join(reactDir, 'dist'), /\.(c?js)$/)

  test('every module whose source says "use client" says it in both builds', () => {
    const sources = files(join(reactDir, 'src'), /\.tsx?$/).filter((file) =>
      directives(readFileSync(file, 'utf8')).includes('use client'),
    )
    expect(sources.length).toBeGreaterThan(10)
    for (const source of sources) {
      const name = relative(join(reactDir, 'src'), source).replace(/\.tsx?$/, '')
      for (const ext of ['.js', '.cjs']) {
        const output = join(reactDir, 'dist', name + ext)
        expect(directives(readFileSync(output, 'utf8')), `dist/${name}${ext}`).toContain('use client')
      }
    }
  })

  test('every built module that uses state, effects or context is a client module', () => {
    const clientOnly = built.filter((file) => {
      const code = readFileSync(file, 'utf8')
      const reactImports = [...code.matchAll(/import \{([^}]*)\} from 'react'|require\('react'\)/g)]
      return reactImports.some((match) => CLIENT_ONLY.test(match[1] ?? code))
    })
    expect(clientOnly.length).toBeGreaterThan(10)
    const missing = clientOnly.filter(
      (file) => !directives(readFileSync(file, 'utf8')).includes('use client'),
    )
    expect(missing.map((file) => relative(reactDir, file))).toEqual([])
  })

  test('the entry, the strings and the error class stay importable on the server', () => {
    const names = [
      'index',
      'MissingProviderError',
      'notify',
      'strings/enPhoneStep',
      'strings/enLater',
      'strings/resolveStrings',
    ]
    for (const name of names) {
      for (const ext of ['.js', '.cjs']) {
        expect(
          directives(readFileSync(join(reactDir, 'dist', name + ext), 'utf8')),
          name + ext,
        ).not.toContain('use client')
      }
    }
  })
})

describe('a Next.js app importing every export', () => {
  afterAll(() => rmSync(join(fixture, distDir), { recursive: true, force: true }))

  test('builds, and renders on the server from a Server Component page and a Client Component', () => {
    const build = nextBuild(fixture, { OTPKIT_NEXT_DIST_DIR: distDir })
    expect(build.status, build.log).toBe(0)

    // The page has no dynamic input, so `next build` prerendered it: this HTML is the server's render.
    const html = readFileSync(join(fixture, distDir, 'server/app/index.html'), 'utf8')
    const text = html.replace(/<!--.*?-->/g, '')
    // The Server Component: every export is there, and the hooks-free ones work on the server.
    expect(text).toContain(
      '<p>server: exports=MissingProviderError,PhoneLogin,StytchProvider,setNotifyFunction,useAuthenticateCode,useSendCode,useStytch,useStytchSession,useStytchUser; error=missing_provider instanceof; setNotifyFunction=function; hooks=5</p>',
    )
    // <PhoneLogin> rendered straight from the Server Component (French, from its prop) …
    expect(text).toContain('Connectez-vous avec votre téléphone')
    // … and the Client Component, whose hooks ran during the server render, signed out as on the server.
    expect(text).toContain(
      '<p>client: same-client=true; session=null; initialized=false; user=null; send=idle; check=idle; error=missing_provider</p>',
    )
    expect(text).toContain('Sign in with your phone')
    // The client reference to the app's client crossed the boundary as a reference, not a copy.
    expect(html).toMatch(/"stytch\\?":\\?"\$\d+\\?"/)
  }, 300_000)
})
