// The inbox page as a person uses it, in jsdom with its script running: landmarks and headings, axe,
// live updates that keep focus and selection, a Copy button per code.
import axe from 'axe-core'
import { JSDOM } from 'jsdom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { OTHER_PHONE, PHONE, sdk, sendCode } from './helpers'

const PAGE_URL = 'http://127.0.0.1:8787/__emulator/'
let dom: JSDOM | undefined
afterEach(() => {
  dom?.window.close()
  dom = undefined
})

/** Opens the page as a browser would: its script runs, its fetches reach the emulator. */
async function openInbox(emulator: Emulator) {
  const html = await (await emulator.fetch(PAGE_URL)).text()
  const copied: string[] = []
  dom = new JSDOM(html, {
    url: PAGE_URL,
    runScripts: 'dangerously',
    beforeParse(window) {
      // jsdom has no fetch or clipboard; these stand at the edge, where the browser's would.
      Object.assign(window, {
        fetch: (input: string, init?: RequestInit) =>
          emulator.fetch(new URL(input, window.location.href), init),
      })
      Object.defineProperty(window.navigator, 'clipboard', {
        value: { writeText: (text: string) => Promise.resolve(void copied.push(text)) },
      })
      // Nor a canvas: axe-core asks for one (to measure text) and does without it, as where canvas is off;
      // jsdom's own getContext() says "Not implemented" on the console first.
      window.HTMLCanvasElement.prototype.getContext = () => null
    },
  })
  return { window: dom.window, document: dom.window.document, copied }
}

const byText = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((node) => node.textContent?.trim())

describe('the inbox page', () => {
  it('has landmarks, one h1, a heading per message naming its channel, and no meta refresh', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE)
    await sdk(emulator.fetch, '/otps/whatsapp/login_or_create', { phone_number: OTHER_PHONE })
    const { document } = await openInbox(emulator)
    expect(document.querySelectorAll('header')).toHaveLength(1)
    expect(document.querySelectorAll('main')).toHaveLength(1)
    expect(byText(document, 'h1')).toEqual(['Inbox'])
    expect(byText(document, 'h2')).toEqual(['WhatsApp to +1 202 555 0163', 'SMS to +1 202 555 0162'])
    expect(document.querySelector('meta[http-equiv]')).toBeNull()
    const [whatsapp, sms] = emulator.messages().reverse()
    expect(byText(document, 'button')).toEqual([`Copy code ${whatsapp?.code}`, `Copy code ${sms?.code}`])
  })

  it('axe finds no violation, empty or with messages', async () => {
    const emulator = createEmulator()
    for (const fill of [false, true]) {
      if (fill) await sendCode(emulator, PHONE)
      const { window } = await openInbox(emulator)
      window.eval(axe.source)
      const results = await (window as unknown as { axe: typeof axe }).axe.run(window.document)
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
      window.close()
    }
  })

  it('a new message appears on top without a reload; focus and a selection stay where they were', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE)
    const { window, document } = await openInbox(emulator)
    const button = document.querySelector('button') as HTMLButtonElement
    button.focus()
    const text = document.querySelector('pre') as HTMLPreElement
    window.getSelection()?.selectAllChildren(text)
    const selected = window.getSelection()?.toString()

    await sdk(emulator.fetch, '/otps/whatsapp/login_or_create', { phone_number: OTHER_PHONE })
    await vi.waitFor(() => expect(document.querySelectorAll('li')).toHaveLength(2), {
      timeout: 6000,
      interval: 100,
    })
    expect(byText(document, 'h2')[0]).toBe('WhatsApp to +1 202 555 0163')
    expect(document.activeElement).toBe(button)
    expect(window.getSelection()?.toString()).toBe(selected)
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      'New message: WhatsApp to +1 202 555 0163',
    )
  })

  it('a message into an empty inbox replaces "No messages yet."', async () => {
    const emulator = createEmulator()
    const { document } = await openInbox(emulator)
    expect((document.getElementById('empty') as HTMLElement).hidden).toBe(false)
    await sendCode(emulator, PHONE)
    await vi.waitFor(() => expect(document.querySelectorAll('li')).toHaveLength(1), { timeout: 6000 })
    expect((document.getElementById('empty') as HTMLElement).hidden).toBe(true)
  })

  it('a reset or a cleared inbox empties the page too', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE)
    const { document } = await openInbox(emulator)
    expect(document.querySelectorAll('li')).toHaveLength(1)
    const cleared = await emulator.fetch(`${PAGE_URL}messages`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
    })
    expect(cleared.status).toBe(204)
    await vi.waitFor(() => expect(document.querySelectorAll('li')).toHaveLength(0), { timeout: 6000 })
    expect((document.getElementById('empty') as HTMLElement).hidden).toBe(false)
  })

  it('Copy puts the code on the clipboard and says so', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE)
    const { document, copied } = await openInbox(emulator)
    const code = emulator.messages()[0]?.code as string
    ;(document.querySelector('button') as HTMLButtonElement).click()
    await vi.waitFor(() =>
      expect(document.querySelector('[role="status"]')?.textContent).toBe(`Copied ${code}`),
    )
    expect(copied).toEqual([code])
  })
})
