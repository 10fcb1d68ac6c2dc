// A jsdom page installed as Node's globals, so both SDKs and React run as they would in a browser tab.
import { JSDOM } from 'jsdom'

export interface Page {
  window: JSDOM['window']
  /**
   * Calls `onRequest` with the URL of every element put into the page that a browser would fetch
   * (a script, iframe or image `src`, a stylesheet `href`): jsdom itself fetches none of them.
   */
  watchElements(onRequest: (url: string) => void): () => void
  /** Puts Node's globals back and closes the page (its timers stop). */
  close(): void
}

// Node has its own versions of these; the page must not replace them (timers stay Node's so that
// `await sleep()` keeps working, and Node's fetch/Request/Response are what the logging fetch returns).
const keepNode = new Set([
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'URL',
  'URLSearchParams',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'performance',
  'crypto',
  'console',
  'MessageChannel',
  'MessagePort',
  'BroadcastChannel',
  'DOMException',
])

// Node has these too, but DOM nodes only accept the page's own event classes.
const preferPage = ['Event', 'EventTarget', 'CustomEvent']

/** Opens a page at `url` and exposes its window's properties as globals until `close()`. */
export function openPage(url = 'http://localhost:3000/'): Page {
  const dom = new JSDOM('<!doctype html><html lang="en"><head></head><body></body></html>', {
    url,
    pretendToBeVisual: true,
  })
  const window = dom.window
  const global = globalThis as Record<string, unknown>
  const saved = new Map<string, PropertyDescriptor | undefined>()
  const install = (key: string, value: unknown) => {
    if (!saved.has(key)) saved.set(key, Object.getOwnPropertyDescriptor(globalThis, key))
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true, enumerable: true })
  }
  const windowRecord = window as unknown as Record<string, unknown>
  for (const key of Object.getOwnPropertyNames(window)) {
    if (keepNode.has(key) || key.startsWith('_') || key in global) continue
    install(key, windowRecord[key])
  }
  for (const key of [
    ...preferPage,
    'window',
    'self',
    'document',
    'navigator',
    'location',
    'localStorage',
    'sessionStorage',
  ]) {
    install(key, windowRecord[key])
  }
  // jsdom has no media queries; a page where none matches (a wide screen, no preferences) will do.
  if (typeof windowRecord.matchMedia !== 'function') {
    const matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      dispatchEvent: () => false,
    })
    Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true, writable: true })
    install('matchMedia', matchMedia)
  }
  // The SDKs call the bare global fetch; pages see the same one through `window.fetch`.
  Object.defineProperty(window, 'fetch', { get: () => global.fetch, configurable: true })
  return {
    window,
    watchElements(onRequest) {
      const observer = new window.MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (!(node instanceof window.Element)) continue
            const address =
              node.getAttribute('src') ?? (node.localName === 'link' ? node.getAttribute('href') : null)
            if (address) onRequest(new URL(address, window.location.href).href)
          }
        }
      })
      observer.observe(window.document, { childList: true, subtree: true })
      return () => observer.disconnect()
    },
    close() {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, key, descriptor)
        else delete global[key]
      }
      window.close()
    },
  }
}
