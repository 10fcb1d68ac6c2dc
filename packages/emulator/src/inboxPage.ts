// The inbox page a person keeps open beside the app: newest first, updated in place as messages
// arrive (no reload, so a selection or the focused Copy button stays put), one Copy button per code.
import { CHANNELS } from './channels'
import type { LoggedMessage } from './messageLog'
import { formatPhoneNumber } from './phone'

/** Messages the page shows; the JSON inbox has them all. */
export const PAGE_MESSAGES = 100
/** How often the page asks for new messages. */
export const POLL_MS = 2_000

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** One message, as the page and its updates render it. Every piece of text is escaped. */
export function messageItem({ seq, message }: LoggedMessage): string {
  const title = `${CHANNELS[message.channel].label} to ${formatPhoneNumber(message.to)}`
  const code = escapeHtml(message.code)
  return `<li data-seq="${seq}"><article aria-labelledby="m${seq}">
  <h2 id="m${seq}">${escapeHtml(title)}</h2>
  <p class="meta"><time datetime="${escapeHtml(message.created_at)}">${escapeHtml(message.created_at)}</time></p>
  <p class="code"><span class="digits">${code}</span> <button type="button" data-code="${code}">Copy<span class="visually-hidden"> code ${code}</span></button></p>
  <pre>${escapeHtml(message.body)}</pre>
</article></li>`
}

/**
 * The items above `after`, for the page's updates: a fragment parsed by the page, never run. `oldest`
 * lets the page drop what the log no longer holds (a reset, a cleared inbox).
 */
export function inboxUpdate(entries: LoggedMessage[], oldest: number): string {
  return `<ol data-oldest="${oldest}">${entries.map(messageItem).join('\n')}</ol>`
}

// Prepends new items without touching the ones shown, and announces them politely.
const script = `
const list = document.getElementById('messages')
const empty = document.getElementById('empty')
const status = document.getElementById('status')
let last = Number(list.dataset.last)
async function poll() {
  try {
    const response = await fetch('?after=' + last, { cache: 'no-store' })
    if (response.ok) {
      const update = new DOMParser().parseFromString(await response.text(), 'text/html')
      const items = [...update.querySelectorAll('li[data-seq]')]
      const oldest = Number(update.querySelector('ol').dataset.oldest)
      for (const shown of [...list.children]) if (Number(shown.dataset.seq) < oldest) shown.remove()
      if (list.children.length === 0 && items.length === 0) empty.hidden = false
      for (const item of [...items].reverse()) list.prepend(document.importNode(item, true))
      if (items.length > 0) {
        last = Number(items[0].dataset.seq)
        while (list.children.length > ${PAGE_MESSAGES}) list.lastElementChild.remove()
        empty.hidden = true
        status.textContent = items.length === 1
          ? 'New message: ' + items[0].querySelector('h2').textContent
          : items.length + ' new messages'
      }
    }
  } catch {}
  setTimeout(poll, ${POLL_MS})
}
list.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-code]')
  if (!button) return
  try {
    await navigator.clipboard.writeText(button.dataset.code)
    status.textContent = 'Copied ' + button.dataset.code
  } catch {
    status.textContent = 'Could not copy; select the code instead.'
  }
})
setTimeout(poll, ${POLL_MS})
`

/** The page; `nonce` lets its one script run under the page's Content-Security-Policy. */
export function inboxPage(entries: LoggedMessage[], total: number, nonce: string): string {
  const last = entries[0]?.seq ?? 0
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inbox · otpkit emulator</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #1a1a1a; background: #fff; }
  header p { margin: 0; color: #444; font-size: 0.875rem; }
  ol { list-style: none; padding: 0; }
  article { border: 1px solid #767676; border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
  h2 { font-size: 1rem; margin: 0; }
  .meta { color: #444; font-size: 0.875rem; margin: 0; }
  .code { margin: 0.25rem 0; display: flex; align-items: center; gap: 0.75rem; }
  .digits { font: 700 1.75rem/1.2 ui-monospace, monospace; letter-spacing: 0.15em; }
  button { font: inherit; padding: 0.25rem 0.75rem; border: 1px solid #1a1a1a; border-radius: 6px; background: #fff; color: #1a1a1a; cursor: pointer; }
  button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  pre { white-space: pre-wrap; margin: 0; font: inherit; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
</style>
</head>
<body>
<header>
  <p>otpkit emulator: for development only. Codes sent by SMS and WhatsApp land here instead of a phone.</p>
</header>
<main>
<h1>Inbox</h1>
<p>Newest first; new messages appear as they arrive. This page shows up to ${PAGE_MESSAGES} (the emulator holds ${total}); <a href="/__emulator/messages">all as JSON</a>.</p>
<div id="status" role="status" class="visually-hidden"></div>
<p id="empty"${entries.length > 0 ? ' hidden' : ''}>No messages yet.</p>
<ol id="messages" aria-label="Messages" data-last="${last}">
${entries.map(messageItem).join('\n')}
</ol>
</main>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`
}
