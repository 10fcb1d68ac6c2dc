import type { SentMessage } from './options'

/** A message with its place in the log: numbers only grow, so a page can ask for what came after. */
export interface LoggedMessage {
  seq: number
  message: SentMessage
}

/** The messages the emulator "sent", oldest first: the newest `limit` of them, so memory stays bounded. */
export class MessageLog {
  #entries: LoggedMessage[] = []
  #next = 1
  readonly #limit: number

  constructor(limit: number) {
    this.#limit = limit
  }

  add(message: SentMessage): void {
    this.#entries.push({ seq: this.#next, message })
    this.#next += 1
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit)
  }

  list(): SentMessage[] {
    return this.#entries.map(({ message }) => ({ ...message }))
  }

  /** Up to `count` of the newest messages with a number above `after`, newest first. */
  newest(count: number, after = 0): LoggedMessage[] {
    const found: LoggedMessage[] = []
    for (let index = this.#entries.length - 1; index >= 0 && found.length < count; index -= 1) {
      const entry = this.#entries[index] as LoggedMessage
      if (entry.seq <= after) break
      found.push(entry)
    }
    return found
  }

  /** The number of the oldest message held; anything below it was cleared or fell off the end. */
  get oldest(): number {
    return this.#entries[0]?.seq ?? this.#next
  }

  get size(): number {
    return this.#entries.length
  }

  clear(): void {
    this.#entries = []
  }
}
