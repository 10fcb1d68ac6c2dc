import { newId, isoTime } from './ids'
import { DEFAULT_ROLES } from './sessions'

/** How long an unverified phone added to an existing user is kept waiting for its code. */
export const PENDING_PHONE_MS = 5 * 60 * 1000

export interface UserRecord {
  user_id: string
  created_at: number
  status: 'active' | 'pending'
  phoneIds: string[]
}

export interface PhoneRecord {
  phone_id: string
  phone_number: string
  user_id: string
  verified: boolean
  /** Set while the phone was added to an existing user and not yet authenticated. */
  pendingUntil: number | null
}

/** Wire shape of a user, as `users/me` and authenticate responses return it. */
export interface UserView {
  user_id: string
  created_at: string
  status: string
  name: { first_name: string; middle_name: string; last_name: string }
  emails: never[]
  phone_numbers: { phone_id: string; phone_number: string; verified: boolean }[]
  providers: never[]
  webauthn_registrations: never[]
  totps: never[]
  crypto_wallets: never[]
  biometric_registrations: never[]
  trusted_metadata: Record<string, unknown>
  untrusted_metadata: Record<string, unknown>
  password: null
  roles: string[]
  is_locked: boolean
}

/** Users and their phones. Sessions live in {@link SessionBook}; codes in {@link CodeBook}. */
export class UserStore {
  readonly #users = new Map<string, UserRecord>()
  readonly #phones = new Map<string, PhoneRecord>()
  // Indexes, so that a busy emulator answers in constant time however many users it holds.
  /** Phones a number signs in with, by number. */
  readonly #signInPhones = new Map<string, PhoneRecord>()
  /** Added phones still waiting for their code. */
  readonly #pendingPhones = new Set<PhoneRecord>()

  /** Drops unverified added phones whose five minutes are up; returns their ids. */
  purge(now: number): string[] {
    const dropped: string[] = []
    for (const phone of this.#pendingPhones) {
      if (phone.pendingUntil !== null && now >= phone.pendingUntil) {
        this.#pendingPhones.delete(phone)
        this.#phones.delete(phone.phone_id)
        const user = this.#users.get(phone.user_id)
        if (user) user.phoneIds = user.phoneIds.filter((id) => id !== phone.phone_id)
        dropped.push(phone.phone_id)
      }
    }
    return dropped
  }

  user(userId: string): UserRecord | undefined {
    return this.#users.get(userId)
  }

  phone(phoneId: string): PhoneRecord | undefined {
    return this.#phones.get(phoneId)
  }

  /** The phone a number signs in with (added phones still waiting for their code do not count). */
  phoneByNumber(phoneNumber: string): PhoneRecord | undefined {
    return this.#signInPhones.get(phoneNumber)
  }

  #index(phone: PhoneRecord): void {
    if (phone.pendingUntil !== null) this.#pendingPhones.add(phone)
    else if (!this.#signInPhones.has(phone.phone_number)) this.#signInPhones.set(phone.phone_number, phone)
  }

  createUser(status: UserRecord['status'], now: number): UserRecord {
    const user: UserRecord = { user_id: newId('user'), created_at: now, status, phoneIds: [] }
    this.#users.set(user.user_id, user)
    return user
  }

  addPhone(user: UserRecord, phoneNumber: string, pendingUntil: number | null): PhoneRecord {
    const existing = user.phoneIds
      .map((id) => this.#phones.get(id))
      .find((phone) => phone?.phone_number === phoneNumber)
    if (existing) {
      // Re-sending to a phone still waiting restarts its five minutes.
      if (!existing.verified && existing.pendingUntil !== null) {
        existing.pendingUntil = pendingUntil
        if (pendingUntil === null) this.#pendingPhones.delete(existing)
        this.#index(existing)
      }
      return existing
    }
    const phone: PhoneRecord = {
      phone_id: newId('phone-number'),
      phone_number: phoneNumber,
      user_id: user.user_id,
      verified: false,
      pendingUntil,
    }
    this.#phones.set(phone.phone_id, phone)
    this.#index(phone)
    user.phoneIds.push(phone.phone_id)
    return phone
  }

  /** The code was right: the phone is verified, kept for good, and a pending user becomes active. */
  markVerified(phone: PhoneRecord): void {
    phone.verified = true
    phone.pendingUntil = null
    this.#pendingPhones.delete(phone)
    this.#index(phone)
    const user = this.#users.get(phone.user_id)
    if (user) user.status = 'active'
  }

  view(user: UserRecord): UserView {
    return {
      user_id: user.user_id,
      created_at: isoTime(user.created_at),
      status: user.status,
      name: { first_name: '', middle_name: '', last_name: '' },
      emails: [],
      phone_numbers: user.phoneIds
        .map((id) => this.#phones.get(id))
        .filter((phone): phone is PhoneRecord => phone !== undefined)
        .map(({ phone_id, phone_number, verified }) => ({ phone_id, phone_number, verified })),
      providers: [],
      webauthn_registrations: [],
      totps: [],
      crypto_wallets: [],
      biometric_registrations: [],
      trusted_metadata: {},
      untrusted_metadata: {},
      password: null,
      roles: [...DEFAULT_ROLES],
      // The user lock blocks code checks for a while; the vendor's flag is for users an admin locked.
      is_locked: false,
    }
  }

  clear(): void {
    this.#users.clear()
    this.#phones.clear()
    this.#signInPhones.clear()
    this.#pendingPhones.clear()
  }
}
