// What a person feels in a real browser: otpkit's <PhoneLogin>, the vendor's <StytchLogin> (SMS only)
// and a baseline page (the same React, a plain labelled phone field), each a production build served
// from loopback with the emulator as the API, in Chromium with the CPU slowed 4× and the network shaped
// to a slow mobile link. Hosts other than loopback do not resolve (nothing here may reach the internet):
// requests to them fail at once and are reported by host, with when they were made.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { startEmulatorServer } from '@otpkit/emulator/server'
import type { EmulatorServer } from '@otpkit/emulator/server'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import type { PageId } from './pages'
import { startHttpsApi } from './httpsApi'
import { buildPages, pageIds } from './pages'
import { serveStatic } from './serveStatic'

/** Debian's chromium, or CHROMIUM_PATH as the workspace's test runner sets it. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export function hasChromium(): boolean {
  return existsSync(chromiumPath)
}

/** The shaping: 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU 4× slower. */
export const conditions = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  apiDelayMs: 50,
} as const

export interface HostTraffic {
  host: string
  requests: number
  /** Bytes on the wire (headers and compressed bodies). */
  bytes: number
  /** Requests that failed (a host that does not resolve here). */
  failed: number
}

export interface PageRun {
  page: PageId
  /**
   * Navigation start → the phone field is in the page and the main thread is free to handle a key (the
   * first task after the field appeared), checked by typing a digit into it.
   */
  readyMs: number | null
  /** Main-thread tasks over 50 ms (Long Tasks API) that started before readyMs, summed. */
  longTasksBeforeReadyMs: number | null
  /** Bytes on the wire (Resource Timing transfer sizes, page included) that arrived before readyMs. */
  bytesBeforeReady: number | null
  /** Each of the 10 keystrokes: its interaction's longest Event Timing duration (16 ms floor). */
  keystrokeMs: number[]
  /** Send clicked → focus in the code field; the API answers login_or_create after apiDelayMs. */
  sendToCodeMs: number | null
  /** The login_or_create request that Send made: when (ms after the click), what it sent, the answer. */
  send: { afterMs: number; phoneNumber: string | null; status: number | null } | null
  traffic: HostTraffic[]
  /** Requests to hosts that cannot be reached here, with when they were made (ms from navigation). */
  unreachable: { url: string; atMs: number }[]
  error?: string
}

// Event Timing reports nothing shorter than 16 ms: a keystroke with no entry took less than that.
const eventTimingFloorMs = 16

/** The `phone_number` of a JSON request body, if there is one. */
function phoneNumberIn(body: string | undefined): string | null {
  try {
    return (JSON.parse(body ?? '{}') as { phone_number?: string }).phone_number ?? null
  } catch {
    return null
  }
}

/** Installed before any page script: the timestamps the measurements are read from. */
const probe = () => {
  const bench = {
    fieldFreeAt: null as number | null,
    inputAt: null as number | null,
    clickAt: null as number | null,
    codeFocusAt: null as number | null,
    events: [] as { name: string; id: number; duration: number; start: number }[],
    longTasks: [] as { start: number; duration: number }[],
  }
  ;(window as unknown as { __bench: typeof bench }).__bench = bench
  document.addEventListener('input', () => (bench.inputAt ??= performance.now()), true)
  // Polling from outside would add its own delay: the page notes when the field arrives, and a task
  // queued then runs when the main thread could first handle a key in it.
  const watch = new MutationObserver(() => {
    if (!document.querySelector('input[type="tel"]')) return
    watch.disconnect()
    setTimeout(() => (bench.fieldFreeAt = performance.now()), 0)
  })
  watch.observe(document, { childList: true, subtree: true })
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as Element | null)?.closest?.('button[data-bench-send]'))
        bench.clickAt ??= performance.now()
    },
    true,
  )
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target as HTMLElement
      if (bench.clickAt !== null && target.tagName === 'INPUT' && !target.hasAttribute('data-bench-phone'))
        bench.codeFocusAt ??= performance.now()
    },
    true,
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      bench.events.push({
        name: entry.name,
        id: entry.interactionId,
        duration: entry.duration,
        start: entry.startTime,
      })
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

interface Probe {
  fieldFreeAt: number | null
  inputAt: number | null
  clickAt: number | null
  codeFocusAt: number | null
  events: { name: string; id: number; duration: number; start: number }[]
  longTasks: { start: number; duration: number }[]
}

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench)

/** Finds the phone field: a labelled telephone input on every page. */
const phoneField = (page: Page) => page.locator('input[type="tel"]').first()

async function runPage(
  browser: Browser,
  pageId: PageId,
  siteUrl: string,
  api: EmulatorServer,
  apiUrl: string,
  timeoutMs: number,
): Promise<PageRun> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  const page = await context.newPage()
  const run: PageRun = {
    page: pageId,
    readyMs: null,
    longTasksBeforeReadyMs: null,
    bytesBeforeReady: null,
    keystrokeMs: [],
    sendToCodeMs: null,
    send: null,
    traffic: [],
    unreachable: [],
  }
  const requests = new Map<string, { host: string; startedAt: number }>()
  const traffic = new Map<string, HostTraffic>()
  const hostOf = (url: string) => {
    try {
      return new URL(url).host
    } catch {
      return url.slice(0, 40)
    }
  }
  const count = (host: string) => {
    let entry = traffic.get(host)
    if (!entry) traffic.set(host, (entry = { host, requests: 0, bytes: 0, failed: 0 }))
    return entry
  }
  let navigationWallStart = 0
  let clickedAt = 0
  let sendRequestId: string | null = null
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: conditions.latencyMs,
      downloadThroughput: conditions.downloadBitsPerSecond / 8,
      uploadThroughput: conditions.uploadBitsPerSecond / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpuSlowdown })
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.startsWith('data:')) return
      const host = hostOf(event.request.url)
      if (
        event.request.method === 'POST' &&
        event.request.url.endsWith('/otps/sms/login_or_create') &&
        clickedAt > 0 &&
        !sendRequestId
      ) {
        sendRequestId = event.requestId
        run.send = {
          afterMs: Date.now() - clickedAt,
          phoneNumber: phoneNumberIn(event.request.postData),
          status: null,
        }
      }
      requests.set(event.requestId, { host, startedAt: Date.now() })
      count(host).requests += 1
    })
    cdp.on('Network.responseReceived', (event) => {
      if (event.requestId === sendRequestId && run.send) run.send.status = event.response.status
    })
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId)
      if (request) count(request.host).bytes += event.encodedDataLength
    })
    cdp.on('Network.loadingFailed', (event) => {
      const request = requests.get(event.requestId)
      if (!request) return
      count(request.host).failed += 1
      if (!request.host.startsWith('127.0.0.1') && request.host !== 'localhost') {
        run.unreachable.push({ url: request.host, atMs: request.startedAt - navigationWallStart })
      }
    })
    await page.addInitScript(probe)

    const query = `?token=${encodeURIComponent(DEMO_PUBLIC_TOKEN)}&api=${encodeURIComponent(apiUrl)}`
    navigationWallStart = Date.now()
    await page.goto(`${siteUrl}/${pageId}/${query}`, { waitUntil: 'commit', timeout: timeoutMs })

    // 1. The phone field takes a typed digit.
    const phone = phoneField(page)
    await phone.waitFor({ state: 'visible', timeout: timeoutMs })
    await phone.evaluate((element) => element.setAttribute('data-bench-phone', ''))
    await phone.focus()
    await page.keyboard.press('2')
    await page.waitForFunction(
      () => (window as unknown as { __bench: Probe }).__bench.inputAt !== null,
      null,
      {
        timeout: timeoutMs,
      },
    )
    const ready = await readProbe(page)
    run.readyMs = ready.fieldFreeAt
    if (run.readyMs !== null) {
      const readyAt = run.readyMs
      run.longTasksBeforeReadyMs = ready.longTasks
        .filter((task) => task.start < readyAt)
        .reduce((sum, task) => sum + task.duration, 0)
      run.bytesBeforeReady = await page.evaluate(
        (at) =>
          [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= at)
            .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
        readyAt,
      )
    }

    // 2. Ten digits, one every 250 ms (a brisk typist on a phone), into the cleared field of a page that
    // has finished loading (no request for 500 ms, or 3 s at most: the vendor's page keeps retrying a
    // host it cannot reach), so that each key is timed against the page a person types into rather than
    // against chunks still arriving.
    await page.keyboard.press('Backspace')
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined)
    await page.waitForTimeout(300)
    const typingFrom = await page.evaluate(() => performance.now())
    for (const digit of '2015550123') {
      await page.keyboard.press(digit)
      await page.waitForTimeout(250)
    }
    await page.waitForTimeout(500)
    const { events } = await readProbe(page)
    const longest = new Map<number, number>()
    for (const event of events) {
      if (event.start < typingFrom || event.id === 0 || !event.name.startsWith('key')) continue
      longest.set(event.id, Math.max(longest.get(event.id) ?? 0, event.duration))
    }
    const measured = [...longest.values()]
    run.keystrokeMs = [
      ...measured,
      ...Array<number>(Math.max(0, 10 - measured.length)).fill(eventTimingFloorMs),
    ]

    // 3. Send, with the API answering after 50 ms, until the code field has focus.
    if (pageId !== 'baseline') {
      api.emulator.faults.add({
        kind: 'latency',
        ms: conditions.apiDelayMs,
        path: '/sdk/v1/otps/sms/login_or_create',
      })
      const send = page.getByRole('button', { name: /send|continue/i }).first()
      await send.evaluate((element) => element.setAttribute('data-bench-send', ''))
      clickedAt = Date.now()
      await send.click({ timeout: timeoutMs })
      // Until the code field has focus, or a second after the API refused the request.
      const deadline = Date.now() + timeoutMs
      let refusedAt = 0
      for (;;) {
        const probed = await readProbe(page)
        if (probed.codeFocusAt !== null) {
          run.sendToCodeMs = probed.codeFocusAt - (probed.clickAt ?? 0)
          break
        }
        const status = run.send?.status ?? null
        if (status !== null && status >= 400) refusedAt ||= Date.now()
        if ((refusedAt && Date.now() - refusedAt > 1_000) || Date.now() > deadline) {
          throw new Error(
            run.send
              ? `no code step: login_or_create sent phone_number ${JSON.stringify(run.send.phoneNumber)} and got ${run.send.status}`
              : 'no code step: Send made no login_or_create request',
          )
        }
        await page.waitForTimeout(50)
      }
    }
  } catch (error) {
    run.error = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300)
  } finally {
    run.traffic = [...traffic.values()].sort((a, b) => b.bytes - a.bytes)
    await context.close()
  }
  return run
}

async function displayNamesCost(browser: Browser): Promise<number | null> {
  const times: number[] = []
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpuSlowdown })
    await page.setContent('<p>names</p>')
    times.push(
      await page.evaluate(() => {
        const start = performance.now()
        new Intl.DisplayNames(['en'], { type: 'region' }).of('US')
        return performance.now() - start
      }),
    )
    await context.close()
  }
  times.sort((a, b) => a - b)
  return times[1] ?? null
}

export interface BrowserResults {
  runs: PageRun[]
  /**
   * What constructing the Intl.DisplayNames that names countries costs a fresh page at the same CPU
   * slowdown (median of 3): both logins pay it before their phone field shows, the baseline does not.
   */
  displayNamesMs: number | null
  rounds: number
  chromiumVersion: string
}

/** `rounds` rounds, each loading every page once in turn, in one browser. */
export async function measureInBrowser({
  rounds = 5,
  timeoutMs = 30_000,
}: { rounds?: number; timeoutMs?: number } = {}): Promise<BrowserResults> {
  const dir = mkdtempSync(join(tmpdir(), 'otpkit-browser-bench-'))
  const api = await startEmulatorServer({ port: 0, log: false })
  const httpsApi = await startHttpsApi(api.url).catch(async (error: unknown) => {
    await api.close()
    throw new Error(
      `the vendor's client needs the API on https://127.0.0.1:443, which could not be opened: ${String(error)}`,
    )
  })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Every host but loopback fails to resolve: no request can leave the machine.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--no-sandbox'],
  })
  try {
    await buildPages(dir)
    const site = await serveStatic(dir)
    const runs: PageRun[] = []
    try {
      for (let round = 0; round < rounds; round += 1) {
        for (const pageId of pageIds)
          runs.push(await runPage(browser, pageId, site.url, api, httpsApi.url, timeoutMs))
      }
    } finally {
      await site.close()
    }
    return {
      runs,
      rounds,
      chromiumVersion: browser.version(),
      displayNamesMs: await displayNamesCost(browser),
    }
  } finally {
    await browser.close()
    await httpsApi.close()
    await api.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
