import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLOSED_STATUSES, FOLLOW_UP_STATUSES, daysBetween, isOverdue, parseRichText, richTextPlain } from '../../shared/domain/meeting'

describe('the overdue rule', () => {
  const today = '2026-11-23'
  it('is past the deadline and not closed', () => {
    expect(isOverdue({ dueDate: '2026-11-22', status: 'baru' }, today)).toBe(true)
    expect(isOverdue({ dueDate: '2026-11-22', status: 'diproses' }, today)).toBe(true)
    // The deadline day itself is still in time.
    expect(isOverdue({ dueDate: '2026-11-23', status: 'baru' }, today)).toBe(false)
    expect(isOverdue({ dueDate: '2026-01-01', status: 'selesai' }, today)).toBe(false)
    expect(isOverdue({ dueDate: '2026-01-01', status: 'tidak_dapat' }, today)).toBe(false)
  })

  it('holds exactly when the deadline has passed and the status is open, for any date and status', () => {
    const date = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, date, fc.constantFrom(...FOLLOW_UP_STATUSES), (due, now, status) => {
        expect(isOverdue({ dueDate: due, status }, now)).toBe(daysBetween(due, now) > 0 && !CLOSED_STATUSES.includes(status))
      }),
    )
  })
})

describe('the minutes format', () => {
  it('reads paragraphs, bold, bulleted and numbered lists', () => {
    const blocks = parseRichText('Rapat dibuka oleh **Ketua TP PKK**.\nHadir 12 orang.\n\n- posyandu Mawar\n- posyandu Melati\n1. data balita\n2) jadwal')
    expect(blocks).toEqual([
      {
        type: 'p',
        lines: [
          [
            { text: 'Rapat dibuka oleh ', bold: false },
            { text: 'Ketua TP PKK', bold: true },
            { text: '.', bold: false },
          ],
          [{ text: 'Hadir 12 orang.', bold: false }],
        ],
      },
      { type: 'ul', items: [[{ text: 'posyandu Mawar', bold: false }], [{ text: 'posyandu Melati', bold: false }]] },
      { type: 'ol', items: [[{ text: 'data balita', bold: false }], [{ text: 'jadwal', bold: false }]] },
    ])
  })

  it('keeps a lone ** as text and never produces markup from what is typed', () => {
    expect(parseRichText('harga 2**3 <b>x</b>')).toEqual([{ type: 'p', lines: [[{ text: 'harga 2**3 <b>x</b>', bold: false }]] }])
    expect(richTextPlain('**Kesimpulan**: sepakat\n- satu')).toBe('Kesimpulan: sepakat satu')
  })

  it('adds no word that was not typed', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const words = (x: string) => x.replace(/\*\*/g, ' ').split(/\s+/).filter((w) => w && !/^([-*•]|\d+[.)])$/.test(w))
        const plain = richTextPlain(s)
        for (const w of words(plain)) expect(s.replace(/\*\*/g, ' ')).toContain(w)
      }),
    )
  })
})
