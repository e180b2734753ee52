// kader impor: a roster spreadsheet into the kader register, without the screens (issue 7).
// The same preview and apply as the import screen. Posyandu names that match no Posyandu of the
// office make their rows errors unless --buat-posyandu creates every such name (a kelurahan only),
// except a name a letter or two off a registered one ("Melat 01"): that one is asked about, not
// created beside the Posyandu it most likely means.

import { kaderImportInput, type KaderImportPreview, type KaderImportResult } from '../../../../shared/contract'
import { userPath } from '../../host/user-path'
import { CliError, defineCommand } from '../command'
import { withDatabase } from '../db-file'
import { fmt } from './rapat-list'

const MAX_PROBLEM_LINES = 20

type Labels = Pick<typeof import('../../features/kader-impor/layout'), 'FIELD_LABELS'> &
  Pick<typeof import('../../features/kader-impor/workbook'), 'columnLetter'> &
  Pick<typeof import('../../features/kader/kader.service'), 'posyanduTitle'>

function layoutText(p: KaderImportPreview, { FIELD_LABELS, columnLetter, posyanduTitle }: Labels): string {
  const l = p.layout
  const others = l.sheets.filter((s) => s.name !== l.sheet).map((s) => `"${s.name}"`)
  const lines = [
    `Berkas: ${l.fileName}`,
    `Lembar: "${l.sheet}"${others.length ? ` (lembar lain: ${others.join(', ')})` : ''}; judul kolom di baris ${l.headerRow}`,
    'Kolom:',
  ]
  const width = Math.max(...l.columns.map((c) => c.heading.length))
  for (const c of l.columns) {
    lines.push(`  ${columnLetter(c.index).padEnd(3)}${c.heading.replace(/\s+/g, ' ').padEnd(width)}  → ${c.field ? FIELD_LABELS[c.field] : '(diabaikan)'}`)
  }
  if (p.posyandu.length > 0) {
    lines.push('Posyandu:')
    const nameWidth = Math.max(...p.posyandu.map((g) => (g.name || '(kosong)').length))
    for (const g of p.posyandu) {
      let to: string
      if (g.sameAs !== null) to = g.choice ? `ikut "${g.sameAs}"` : `ikut "${g.sameAs}" (belum dipilih)`
      else if (g.choice?.kind === 'existing') to = posyanduTitle(g.choice.name)
      else if (g.choice?.kind === 'new') to = 'dibuat baru'
      else if (!g.name) to = 'belum dipilih'
      else if (g.near) to = `belum ada di daftar (maksud Anda ${posyanduTitle(g.near.name)}?)`
      else if (g.nearInFile) to = `belum ada di daftar (maksud Anda "${g.nearInFile}" di berkas ini?)`
      else to = `belum ada di daftar${g.suggestions.length ? ` (mirip: ${g.suggestions.map((s) => posyanduTitle(s.name)).join(', ')})` : ''}`
      lines.push(`  ${(g.name || '(kosong)').padEnd(nameWidth)}  ${`${fmt(g.rows)} baris`.padStart(10)}  → ${to}`)
    }
  }
  const c = p.counts
  lines.push(
    `Baris: ${fmt(c.new)} baru, ${fmt(c.update)} diperbarui, ${fmt(c.error)} bermasalah, ${fmt(c.warnings)} dengan peringatan` +
      (c.blank ? `; ${fmt(c.blank)} baris kosong dilewati.` : '.'),
  )
  const problems = p.rows.flatMap((r) =>
    r.problems.map((q) => `  Baris ${r.row}${q.field === 'row' ? '' : `, ${FIELD_LABELS[q.field]}`}: ${q.message}${q.severity === 'warning' ? ' (peringatan)' : ''}`),
  )
  if (problems.length > 0) {
    lines.push('Masalah:', ...problems.slice(0, MAX_PROBLEM_LINES))
    if (problems.length > MAX_PROBLEM_LINES) lines.push(`  … dan ${fmt(problems.length - MAX_PROBLEM_LINES)} masalah lain.`)
  }
  return `${lines.join('\n')}\n`
}

function resultText(r: KaderImportResult): string {
  const lines = [
    `Selesai: ${fmt(r.created)} kader baru, ${fmt(r.updated)} diperbarui, ${fmt(r.skipped)} baris dilewati` +
      (r.posyanduCreated ? `, ${fmt(r.posyanduCreated)} Posyandu baru.` : '.'),
  ]
  if (r.errorReport) lines.push(`Baris yang dilewati beserta masalahnya: ${r.errorReport}`)
  return `${lines.join('\n')}\n`
}

export const kaderImpor = defineCommand({
  name: 'kader impor',
  summary:
    'Mengimpor daftar kader dari berkas Excel (.xlsx) atau CSV: kader dicocokkan dengan NIK (impor ulang memperbarui, tidak menggandakan); baris bermasalah dilewati dan ditulis ke daftar baris bermasalah di samping berkasnya. --dry-run hanya menampilkan pratinjau.',
  usage: '--db BERKAS ROSTER.xlsx [--sheet NAMA] [--dry-run] [--json] [--buat-posyandu]',
  options: {
    db: { type: 'string' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'buat-posyandu': { type: 'boolean' },
  },
  required: ['db'],
  positional: 'ROSTER',
  async run(values, io, roster) {
    // The roster readers (spreadsheet, CSV, name matching) load only for this command.
    const [{ applyRosterImport, previewRosterImport }, { FIELD_LABELS }, { columnLetter }, { posyanduTitle }, { requireSite }] = await Promise.all([
      import('../../features/kader-impor/kader-impor.service'),
      import('../../features/kader-impor/layout'),
      import('../../features/kader-impor/workbook'),
      import('../../features/kader/kader.service'),
      import('../../features/site/site.service'),
    ])
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const site = await requireSite(db)
      const input = kaderImportInput.parse({ path: userPath(roster!), sheet: values.sheet ?? null })
      let preview = await previewRosterImport(db, input)
      if (values['buat-posyandu']) {
        const unmatched = preview.posyandu.filter((g) => g.choice === null && g.name !== '' && g.near === null && g.nearInFile === null)
        if (unmatched.length > 0 && site.level !== 'kelurahan') {
          throw new CliError('--buat-posyandu hanya untuk kantor kelurahan/desa: Posyandu baru dibuat di kelurahan/desa kantor itu. Buat Posyandu di kantor kelurahannya, lalu impor lagi.')
        }
        for (const g of unmatched) input.posyandu[g.name] = 'new'
        if (unmatched.length > 0) preview = await previewRosterImport(db, input)
      }
      const dryRun = Boolean(values['dry-run'])
      const result = dryRun ? null : await applyRosterImport(db, input)
      if (values.json) {
        io.stdout(`${JSON.stringify({ preview, result }, null, 2)}\n`)
        return
      }
      io.stdout(layoutText(preview, { FIELD_LABELS, columnLetter, posyanduTitle }))
      const undecided = preview.posyandu.filter((g) => g.choice === null && g.name !== '')
      const asked = (g: (typeof undecided)[number]) => g.near !== null || g.nearInFile !== null
      if (undecided.some((g) => !asked(g)) && site.level === 'kelurahan' && !values['buat-posyandu']) {
        io.stdout('Posyandu yang belum ada di daftar: perbaiki namanya di berkas, buat Posyandunya dulu, atau jalankan lagi dengan --buat-posyandu.\n')
      }
      if (undecided.some(asked)) {
        io.stdout('Nama Posyandu yang mirip nama terdaftar atau nama lain di berkas tidak dibuat baru: perbaiki namanya di berkas, atau pilih Posyandunya di layar Impor dari Excel.\n')
      }
      io.stdout(result ? resultText(result) : 'Uji coba: basis data tidak diubah.\n')
    })
  },
})
