// What the browser tests need: Chromium, a page that records its requests and console errors, the
// emulator's inbox over HTTP, and axe-core.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { AxeResults } from 'axe-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { printServerLogOnFailure } from '../../../packages/tooling/testing/serverLog'

export const appOrigin = inject('appOrigin')
export const apiOrigin = inject('apiOrigin')

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** This file's Chromium: launched before its tests, closed after them; what the servers said is printed
 * with a failure. */
export function setUpBrowser(): { newContext(): Promise<BrowserContext> } {
  let browser: Browser | undefined
  printServerLogOnFailure(inject('serverLog'))
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    })
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    newContext() {
      if (!browser) throw new Error('setUpBrowser(): the browser starts in beforeAll')
      return browser.newContext({ viewport: { width: 880, height: 700 }, locale: 'en-US', timezoneId: 'UTC' })
    },
  }
}

export interface AppPage {
  page: Page
  /** Every URL the page asked for. */
  requests: URL[]
  consoleErrors: string[]
}

export async function openPage(context: BrowserContext): Promise<AppPage> {
  const page = await context.newPage()
  const requests: URL[] = []
  const consoleErrors: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url())))
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(String(error)))
  return { page, requests, consoleErrors }
}

interface SmsMessage {
  to: string
  code: string
}

async function inbox(): Promise<SmsMessage[]> {
  const response = await fetch(`${apiOrigin}/__emulator/messages`)
  if (!response.ok) throw new Error(`GET /__emulator/messages answered ${response.status}`)
  const body = (await response.json()) as SmsMessage[] | { messages: SmsMessage[] }
  return Array.isArray(body) ? body : body.messages
}

/** Call before the action that sends an SMS to `phone`; `code()` then waits for that new message. */
export async function expectSms(phone: string) {
  const before = (await inbox()).filter((message) => message.to === phone).length
  return {
    async code(): Promise<string> {
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline) {
        const message = (await inbox()).filter((m) => m.to === phone)[before]
        if (message) return message.code
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`No SMS to ${phone} arrived in the emulator's inbox`)
    },
  }
}

/** axe-core must find no serious or critical violation. */
export async function expectAccessible(page: Page, step: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe
    const results = await axe.run(document)
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      )
  })
  expect(violations, `accessibility violations on ${step}`).toEqual([])
}
