// CSV rosters, read by hand rather than through ExcelJS's CSV path: that one guesses types
// (a NIK becomes a number and loses its last digits, "03/05" becomes a date), accepts only
// one separator and only UTF-8. Rosters saved from Excel in Indonesia are usually
// "CSV (dipisahkan titik koma)" in Windows-1252, sometimes UTF-8 with a BOM, or
// "Teks Unicode" (UTF-16 with tabs). Every value stays text; the importer reads meaning.

/** Decodes the bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 (Excel's "CSV" on Indonesian Windows). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not valid UTF-8: the ANSI code page of Windows in Indonesia (and the West) is 1252.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

const SEPARATORS = [';', ',', '\t'] as const

/** Separators outside quotes on one line. */
function countOutsideQuotes(line: string, sep: string): number {
  let n = 0
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === sep && !quoted) n++
  }
  return n
}

/**
 * The separator most lines agree on. Title rows ("DAFTAR KADER;;;;") count too, which is fine:
 * Excel pads every line to the sheet's width, so all lines carry the same number of separators.
 */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30)
  let best: (typeof SEPARATORS)[number] = ';'
  let bestScore = -1
  for (const sep of SEPARATORS) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep)).sort((a, b) => a - b)
    // The median line: one long address full of commas does not outvote the rest.
    const median = counts.length ? counts[Math.floor(counts.length / 2)]! : 0
    if (median > bestScore) {
      best = sep
      bestScore = median
    }
  }
  return best
}

/** RFC 4180 with the usual leniency: quoted fields with "" escapes and line breaks, CRLF or LF. */
export function parseCsv(text: string, sep: string = detectSeparator(text)): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        field += ch
      }
      i++
      continue
    }
    if (ch === '"' && field.trim() === '') {
      field = ''
      quoted = true
    } else if (ch === sep) {
      row.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else {
      field += ch
    }
    i++
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
