// Stand-in for core/src/sendGuard.ts: no cross-tab send sharing; every send goes out.
import type { SendGuard } from '../../../core/src/sendGuard'

export const createSendGuard = (): SendGuard => (_call, _signal, send) => send()
