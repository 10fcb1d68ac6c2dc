// Stand-in for core/src/refreshTimer.ts: no background refresh.
import type { RefreshTimer } from '../../../core/src/refreshTimer'

export const createRefreshTimer = (): RefreshTimer => ({ start() {}, stop() {} })
