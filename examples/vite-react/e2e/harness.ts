// What every browser test needs: Chromium, a page that records its requests, CSP violations and console
// errors, the emulator's inbox and faults over HTTP, axe-core, and screenshots.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import decompressWoff2 from 'wawoff2/decompress.js'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { AxeResults } from 'axe-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { printServerLogOnFailure } from '../../../packages/tooling/testing/serverLog'

export const appOrigin = inject('appOrigin')
export const apiOrigin = inject('apiOrigin')

// The committed screenshots (README) change only on request; ordinary runs keep theirs with the reports.
const screenshotDir = join(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS ? '../screenshots' : '../.reports/screenshots',
)
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** A fonts folder as a system with a colour emoji font has (Twemoji, from the npm registry). Chromium
 * takes system fonts as TrueType only, so the package's WOFF2 is unpacked to a .ttf. */
async function emojiFontHome(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'otpkit-emoji-font-'))
  mkdirSync(join(home, 'fonts'))
  const require = createRequire(import.meta.url)
  const woff2 = readFileSync(require.resolve('twemoji-colr-font/twemoji.woff2'))
  writeFileSync(join(home, 'fonts/twemoji.ttf'), await decompressWoff2(woff2))
  return home
}

function launchBrowser(dataHome?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // fontconfig looks for fonts in $XDG_DATA_HOME/fonts, and keeps its cache in $XDG_CACHE_HOME.
    ...(dataHome && { env: { ...process.env, XDG_DATA_HOME: dataHome, XDG_CACHE_HOME: dataHome } }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface TestBrowser {
  /** A fresh browser profile (its own storage and cookies): a second one is another person, or another browser. */
  newContext(options?: {
    colorScheme?: 'light' | 'dark'
    /** Default 880 × 700; a phone is 375 × 667. */
    viewport?: { width: number; height: number }
    reducedMotion?: 'reduce' | 'no-preference'
    forcedColors?: 'active' | 'none'
  }): Promise<BrowserContext>
}

/** This file's Chromium: launched before its tests, closed after them; emulator faults are cleared after
 * each test so that none leaks into the next; what the servers said is printed with a failure. This machine has no emoji font; `emojiFont` gives this
 * Chromium one, as on a system that draws flag emoji. */
export function setUpBrowser({ emojiFont = false }: { emojiFont?: boolean } = {}): TestBrowser {
  let browser: Browser | undefined
  let fontHome: string | undefined
  printServerLogOnFailure(inject('serverLog'))
  beforeAll(async () => {
    if (emojiFont) fontHome = await emojiFontHome()
    browser = await launchBrowser(fontHome)
  })
  afterEach(clearFaults)
  afterAll(async () => {
    await browser?.close()
    if (fontHome) rmSync(fontHome, { recursive: true, force: true })
  })
  return {
    newContext({
      colorScheme = 'light',
      viewport = { width: 880, height: 700 },
      reducedMotion,
      forcedColors,
    } = {}) {
      if (!browser)
        throw new Error('setUpBrowser(): the browser starts in beforeAll; call newContext() in a test')
      return browser.newContext({
        viewport,
        deviceScaleFactor: 2,
        colorScheme,
        reducedMotion,
        forcedColors,
        locale: 'en-US',
        timezoneId: 'UTC',
      })
    },
  }
}

export interface RecordedRequest {
  method: string
  url: URL
}

/** A page of the app, with what it did on the side. */
export interface AppPage {
  page: Page
  requests: RecordedRequest[]
  consoleErrors: string[]
  /** `securitypolicyviolation` events seen by the page since it loaded, as "directive blocked-uri". */
  cspViolations(): Promise<string[]>
}

export async function openApp(context: BrowserContext, path = '/'): Promise<AppPage> {
  const page = await context.newPage()
  const requests: RecordedRequest[] = []
  const consoleErrors: string[] = []
  page.on('request', (request) => requests.push({ method: request.method(), url: new URL(request.url()) }))
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(String(error)))
  // Init scripts run before the page's own and are not subject to its CSP.
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  await page.goto(new URL(path, appOrigin).href)
  return {
    page,
    requests,
    consoleErrors,
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  }
}

/** The API calls the page made, as "METHOD /path". CORS preflights are the browser's, not the page's. */
export function apiCalls(app: AppPage): string[] {
  return app.requests
    .filter((request) => request.url.origin === apiOrigin && request.method !== 'OPTIONS')
    .map((request) => `${request.method} ${request.url.pathname}`)
}

interface SmsMessage {
  /** `sms` or `whatsapp`. */
  channel: string
  to: string
  body: string
  code: string
  method_id: string
  created_at: string
}

export async function inbox(): Promise<SmsMessage[]> {
  const response = await fetch(`${apiOrigin}/__emulator/messages`)
  if (!response.ok) throw new Error(`GET /__emulator/messages answered ${response.status}`)
  const body = (await response.json()) as SmsMessage[] | { messages: SmsMessage[] }
  return Array.isArray(body) ? body : body.messages
}

/** Call before the action that sends an SMS to `phone`; `code()` then waits for that new message. */
export async function expectSms(phone: string) {
  const before = (await inbox()).filter((message) => message.to === phone).length
  return {
    async message(): Promise<SmsMessage> {
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline) {
        const message = (await inbox()).filter((m) => m.to === phone)[before]
        if (message) return message
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`No SMS to ${phone} arrived in the emulator's inbox`)
    },
    async code(): Promise<string> {
      return (await this.message()).code
    },
  }
}

export async function addFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${apiOrigin}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  })
  if (!response.ok) throw new Error(`POST /__emulator/faults answered ${response.status}`)
}

export async function clearFaults(): Promise<void> {
  await fetch(`${apiOrigin}/__emulator/faults`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
  })
}

/** axe-core must find no serious or critical violation (with `impact: 'any'`, no violation at all).
 * `decidedWithin`: axe must also have decided every colour contrast inside that element, not left it
 * "incomplete" (as it does for text on a gradient, or under another element). Evaluated rather than
 * added as a script tag, which the app's CSP (rightly) refuses. */
export async function expectAccessible(
  page: Page,
  step: string,
  { impact = 'serious', decidedWithin }: { impact?: 'serious' | 'any'; decidedWithin?: string } = {},
): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const { violations, undecided } = await page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe
    const results = await axe.run(document)
    return {
      violations: results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      })),
      undecided: within
        ? results.incomplete
            .filter((result) => result.id === 'color-contrast')
            .flatMap((result) => result.nodes)
            .filter((node) => document.querySelector(node.target.join(' '))?.closest(within))
            .map((node) => `${node.target.join(' ')}: ${node.any[0]?.message ?? ''}`)
        : [],
    }
  }, decidedWithin)
  const counted = violations.filter(
    (violation) => impact === 'any' || violation.impact === 'serious' || violation.impact === 'critical',
  )
  expect(counted, `accessibility violations on ${step}`).toEqual([])
  expect(undecided, `colour contrasts axe could not decide on ${step}`).toEqual([])
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled', caret: 'hide' })
}

/** Valid US numbers, (area) 555-0101 upwards, a new one per call; `digits` is the national number as a
 * person types it. The emulator limits sends per number, so each test file takes its own area code. */
export function phoneNumbers(areaCode: number): () => { e164: string; digits: string; display: string } {
  let line = 100
  return () => {
    line += 1
    // `display`: how the signed-in page writes it.
    return {
      e164: `+1${areaCode}5550${line}`,
      digits: `${areaCode}5550${line}`,
      display: `+1 ${areaCode} 555 0${line}`,
    }
  }
}

/** The page made no CSP violation and logged no error. Failed HTTP responses log a console error in
 * Chromium, so tests that provoke one say so. */
export async function expectCleanPage(app: AppPage, options: { httpErrors?: boolean } = {}): Promise<void> {
  expect(await app.cspViolations(), 'CSP violations').toEqual([])
  const errors = options.httpErrors
    ? app.consoleErrors.filter((text) => !text.startsWith('Failed to load resource'))
    : app.consoleErrors
  expect(errors, 'console errors').toEqual([])
}

/** The whole login through <PhoneLogin>, typed as a person would. */
export async function logInWithComponent(page: Page, phone: { e164: string; digits: string }): Promise<void> {
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByLabel('6-digit code').pressSequentially(await sms.code())
  await page.getByRole('heading', { name: "You're signed in" }).waitFor()
}
