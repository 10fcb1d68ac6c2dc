import type { SentMessage } from './options'

/** The messages the emulator "sent", oldest first. */
export class MessageLog {
  #messages: SentMessage[] = []

  add(message: SentMessage): void {
    this.#messages.push(message)
  }

  list(): SentMessage[] {
    return this.#messages.map((message) => ({ ...message }))
  }

  clear(): void {
    this.#messages = []
  }
}
