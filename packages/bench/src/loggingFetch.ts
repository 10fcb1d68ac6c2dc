// A fetch that writes down every request an SDK sends and hands it to the emulator. The vendor SDK keeps
// only the host name of a custom base URL (it drops the scheme and the port), so requests are
// forwarded by path to the emulator's own origin, whatever host they were sent to.
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

export interface RecordedRequest {
  /** The measurement step that was running when the request went out. */
  phase: string
  method: string
  /** The URL exactly as the SDK sent it. */
  url: string
  origin: string
  path: string
  /** HTTP status of the answer, or null when the request failed or was aborted. */
  status: number | null
  /** `fetch` for API calls; `element` for a script, iframe, image or stylesheet put into the page. */
  kind: 'fetch' | 'element'
  /** performance.now() when the SDK called fetch. */
  sentAt: number
}

export interface LoggingFetchOptions {
  /** Where requests are forwarded: the emulator's in-process handler or a real server's fetch. */
  forward: FetchLike
  /** Origin the forwarded requests are addressed to. */
  targetOrigin?: string
  /** Delay before the answer is asked for, to stand in for a remote API. */
  latencyMs?: number
  /** Called synchronously as the SDK calls fetch, before anything is awaited. */
  onSend?: (request: RecordedRequest) => void
}

export interface RequestLog {
  fetch: FetchLike
  requests: RecordedRequest[]
  /** Names the step that later requests belong to. */
  setPhase(phase: string): void
  /** Records a request the page itself would send (an element with a src or href), by absolute URL. */
  recordElement(url: string): void
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

export function createRequestLog(options: LoggingFetchOptions): RequestLog {
  const { forward, targetOrigin = 'http://emulator.local', latencyMs = 0, onSend } = options
  const requests: RecordedRequest[] = []
  let phase = 'start'

  const loggingFetch: FetchLike = async (input, init) => {
    const sentAt = performance.now()
    const original = new Request(input, init)
    const url = new URL(original.url)
    const record: RecordedRequest = {
      phase,
      method: original.method,
      url: original.url,
      origin: url.origin,
      path: url.pathname,
      status: null,
      kind: 'fetch',
      sentAt,
    }
    requests.push(record)
    onSend?.(record)
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    const hasBody = original.method !== 'GET' && original.method !== 'HEAD'
    const body = hasBody ? await original.text() : undefined
    if (latencyMs > 0) await sleep(latencyMs, signal)
    const response = await forward(`${targetOrigin}${url.pathname}${url.search}`, {
      method: original.method,
      headers: original.headers,
      body,
      signal,
    })
    record.status = response.status
    return response
  }

  return {
    fetch: loggingFetch,
    requests,
    setPhase(next) {
      phase = next
    },
    recordElement(address) {
      const url = new URL(address)
      requests.push({
        phase,
        method: 'GET',
        url: url.href,
        origin: url.origin,
        path: url.pathname,
        status: null,
        kind: 'element',
        sentAt: performance.now(),
      })
    },
  }
}

/** Replaces the global fetch (which is also the page's `window.fetch`) until the returned function runs. */
export function installFetch(fetch: FetchLike): () => void {
  const previous = globalThis.fetch
  globalThis.fetch = fetch as typeof globalThis.fetch
  return () => {
    globalThis.fetch = previous
  }
}
