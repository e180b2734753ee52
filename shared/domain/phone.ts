// Indonesian phone numbers are written 0812…, +62812…, 62812… or with spaces and dashes.
// They are stored in one form, E.164 ("+6281234567890"), and shown the national way.

/** Returns the E.164 form, or null when the input is not an Indonesian phone number. */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim()
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null
  let digits = trimmed.replace(/\D/g, '')
  if (digits.startsWith('62')) digits = digits.slice(2)
  else if (digits.startsWith('0')) digits = digits.slice(1)
  else return null
  // Mobile numbers are 8xx with 9–12 digits after the 0; landlines (021…, 0274…) 8–10.
  if (!/^[1-9]\d{7,11}$/.test(digits)) return null
  return `+62${digits}`
}

const TWO_DIGIT_AREA_CODES = new Set(['21', '22', '24', '31', '61'])

/** "+6281234567890" → "0812-3456-7890" (landlines: "021-5551234", "0274-512345"). */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return ''
  if (!e164.startsWith('+62')) return e164
  const national = `0${e164.slice(3)}`
  if (national.startsWith('08')) return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3')
  // Landline area codes are 2 digits for the biggest cities (021 Jakarta, 022 Bandung, …), 3 elsewhere.
  const areaDigits = TWO_DIGIT_AREA_CODES.has(national.slice(1, 3)) ? 2 : 3
  return `${national.slice(0, areaDigits + 1)}-${national.slice(areaDigits + 1)}`
}
