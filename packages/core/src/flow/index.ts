// @otpkit/core/flow: the login flow without a framework. Kept off the root entry so that a page using
// only the headless client does not carry it.
export { createLoginFlow } from './createLoginFlow'
export { maskPhone } from './maskPhone'
export type {
  LoginChannel,
  LoginFlow,
  LoginFlowClient,
  LoginFlowError,
  LoginFlowErrorCode,
  LoginFlowEvent,
  LoginFlowOptions,
  LoginFlowState,
  LoginStep,
  NumberLimits,
} from './types'
