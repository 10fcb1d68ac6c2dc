import type { SmsMessage } from './options'

/** The SMS the emulator "sent", oldest first. */
export class MessageLog {
  #messages: SmsMessage[] = []

  add(message: SmsMessage): void {
    this.#messages.push(message)
  }

  list(): SmsMessage[] {
    return this.#messages.map((message) => ({ ...message }))
  }

  clear(): void {
    this.#messages = []
  }
}
