// What the servers that tests start say (the emulator's banner and SMS lines, Vite's build and server
// logs) stays out of the test output, and is printed with a test file's first failure, where it helps.
// The servers run in vitest's main process (globalSetup) and the tests in a worker, so the lines go
// through a file: the main process appends, each test file reads what was added while it ran.
import { appendFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, beforeEach } from 'vitest'

export interface ServerLog {
  /** The file the lines go to. */
  path: string
  /** Appends one line (or several, joined by newlines). */
  line(text: string): void
  /** Where start-up ends: what the test files need (`project.provide`), once every server is up. */
  handle(): ServerLogHandle
  /** Removes the file. */
  remove(): void
}

/** A log as the test files see it: its file, and how much of it the start-up wrote (banners, builds). */
export interface ServerLogHandle {
  path: string
  startup: number
}

/** For a globalSetup: a new, empty log in a temporary folder. */
export function createServerLog(): ServerLog {
  const dir = mkdtempSync(join(tmpdir(), 'otpkit-server-log-'))
  const path = join(dir, 'servers.log')
  appendFileSync(path, '')
  return {
    path,
    line: (text) => appendFileSync(path, text.endsWith('\n') ? text : `${text}\n`),
    handle: () => ({ path, startup: statSync(path).size }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

function read(path: string, start: number, end = statSync(path).size): { text: string; end: number } {
  if (end <= start) return { text: '', end: Math.max(start, end) }
  const buffer = Buffer.alloc(end - start)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, buffer, 0, buffer.length, start)
  } finally {
    closeSync(fd)
  }
  return { text: buffer.toString('utf8'), end }
}

/** For a test file: when one of its tests fails, prints what the servers said at start-up and since the
 * file started (for a later failure, what they said since the last print). Silent while tests pass. */
export function printServerLogOnFailure({ path, startup }: ServerLogHandle): void {
  let printedUpTo = 0
  let printedStartup = false
  beforeAll(() => {
    printedUpTo = statSync(path).size
  })
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      const parts: string[] = []
      if (!printedStartup) {
        printedStartup = true
        const { text } = read(path, 0, startup)
        if (text) parts.push(`What the test servers said at start-up:\n${text}`)
      }
      const { text, end } = read(path, printedUpTo)
      printedUpTo = end
      if (text) parts.push(`What the test servers said while this file ran:\n${text}`)
      if (parts.length > 0) console.error(parts.join('\n'))
    })
  })
}
