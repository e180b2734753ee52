import { describe, expect, it } from 'vitest'
import { formatPhone, normalisePhone } from '../../shared/domain/phone'

describe('normalisePhone', () => {
  it('turns the ways people write a mobile number into one E.164 form', () => {
    for (const written of ['0812-3456-7890', '081234567890', '+62 812 3456 7890', '6281234567890', '+62-812-3456-7890', '(0812) 3456 7890']) {
      expect(normalisePhone(written)).toBe('+6281234567890')
    }
  })

  it('keeps landlines with their area code', () => {
    expect(normalisePhone('021-5551234')).toBe('+62215551234')
    expect(normalisePhone('(0274) 512345')).toBe('+62274512345')
  })

  it('refuses numbers that are not Indonesian or are too short or too long', () => {
    for (const bad of ['12345', '0812', '+1 202 555 0100', '08123456789012345', '0812-ABCD-7890', '', '00812345678']) {
      expect(normalisePhone(bad)).toBeNull()
    }
  })
})

describe('formatPhone', () => {
  it('shows a mobile number the national way in groups of four', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890')
  })

  it('shows a landline in its national digits', () => {
    expect(formatPhone('+62215551234')).toBe('021-5551234')
    expect(formatPhone('+62274512345')).toBe('0274-512345')
  })

  it('shows nothing for an empty number', () => {
    expect(formatPhone(null)).toBe('')
    expect(formatPhone(undefined)).toBe('')
  })
})
