/** "+1 ••• ••• 0162"-like: the calling code is not parsed here, so only the last 4 digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return `+${'•'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`
}
