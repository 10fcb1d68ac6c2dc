'use client'

import { useEffect, useId, useRef } from 'react'
import type { ClipboardEvent, ReactNode } from 'react'
import type { PhoneLoginStrings } from '../strings/types'
import type { LoginKit } from './loginKit'

export interface CodeStepProps {
  kit: LoginKit
  strings: PhoneLoginStrings
  /** "We sent a 6-digit code to …", naming the masked number and the channel. */
  sentTo: ReactNode
  code: string
  /** Digits only, at most 6; called for typing, pasting and autofill alike. */
  onCodeChange: (digits: string) => void
  onSubmit: () => void
  onResend: () => void
  onChangeNumber: () => void
  /** False when the full number is not known (the step came back after a reload): no resend then. */
  canResend: boolean
  /** "Send by … instead", when another channel is offered. */
  switchTo?: { label: string; onClick: () => void }
  verifying: boolean
  resending: boolean
  /** Seconds until a resend is allowed (cool-down or the server's Retry-After). */
  resendSeconds: number
  /** Seconds left of a 429 wait that also blocks verifying. */
  waitSeconds: number
  /** "Code expires in 4:59": shown, never announced (it changes every second). */
  expiresIn?: string
  error?: string
  status?: ReactNode
  /** Which control takes focus next; the key changes each time focus should move. */
  focus: { target: 'code' | 'resend'; key: number }
}

const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, 6)

export function CodeStep(props: CodeStepProps) {
  const { kit, strings, code, verifying, resending, resendSeconds, waitSeconds, error, focus } = props
  const { fill, StatusMessage } = kit
  const id = useId()
  const inputId = `${id}-code`
  const titleId = `${id}-title`
  const sentToId = `${id}-sent-to`
  const errorId = `${id}-error`
  const noCodeId = `${id}-no-code`
  const input = useRef<HTMLInputElement>(null)
  const resend = useRef<HTMLButtonElement>(null)

  // Runs on mount too, so focus lands in the code field as soon as the step appears.
  useEffect(() => {
    const target = focus.target === 'resend' && !resend.current?.disabled ? resend.current : input.current
    target?.focus()
  }, [focus.target, focus.key])

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    // "123 456" or "123-456" is longer than maxLength and would be cut; take its digits instead.
    const digits = digitsOnly(event.clipboardData.getData('text/plain'))
    if (!digits) return
    event.preventDefault()
    props.onCodeChange(digits)
  }

  const busy = verifying || resending
  return (
    <form
      className="otpkit-step otpkit-step-code"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit()
      }}
    >
      <h2 id={titleId} className="otpkit-title">
        {strings.codeTitle}
      </h2>
      <p id={sentToId} className="otpkit-intro">
        {props.sentTo}
      </p>
      <label htmlFor={inputId} className="otpkit-label">
        {strings.codeLabel}
      </label>
      <input
        ref={input}
        id={inputId}
        className="otpkit-input otpkit-code-input"
        type="text"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="\d{6}"
        maxLength={6}
        value={code}
        onChange={(event) => props.onCodeChange(digitsOnly(event.target.value))}
        onPaste={onPaste}
        readOnly={verifying}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${sentToId}` : sentToId}
      />
      <p className="otpkit-expiry" aria-hidden={props.expiresIn ? undefined : true}>
        {props.expiresIn}
      </p>
      <StatusMessage errorId={errorId} error={error} status={props.status} />
      <button
        type="submit"
        className="otpkit-button"
        disabled={busy || waitSeconds > 0}
        aria-busy={verifying || undefined}
      >
        {verifying ? strings.verifyingCode : strings.verifyCode}
      </button>
      <div className="otpkit-actions" role="group" aria-labelledby={noCodeId}>
        <p id={noCodeId} className="otpkit-actions-title">
          {strings.noCode}
        </p>
        {props.canResend && (
          <button
            ref={resend}
            type="button"
            className="otpkit-link"
            disabled={busy || resendSeconds > 0}
            aria-busy={resending || undefined}
            onClick={props.onResend}
          >
            {resending
              ? strings.resendingCode
              : resendSeconds > 0
                ? fill(strings.resendCodeIn, { seconds: resendSeconds })
                : strings.resendCode}
          </button>
        )}
        {props.canResend && props.switchTo && (
          <button
            type="button"
            className="otpkit-link"
            disabled={busy || resendSeconds > 0}
            onClick={props.switchTo.onClick}
          >
            {props.switchTo.label}
          </button>
        )}
        <button type="button" className="otpkit-link" disabled={busy} onClick={props.onChangeNumber}>
          {strings.useDifferentNumber}
        </button>
      </div>
    </form>
  )
}
