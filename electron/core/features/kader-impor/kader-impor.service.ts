// Importing a kader roster from a spreadsheet (.xlsx or .csv) the kelurahan already keeps (issue 7):
// read the layout, preview every row as it will be saved (problems per cell), then apply the
// rows without errors in one transaction and write the skipped ones to an error report.
//
// Decisions (see also values.ts):
// - Kader are matched by NIK, archived ones included: an archived kader with the same NIK is the
//   same person, restored and updated (a warning says so). The roster's kader wins over an
//   archived one.
// - An update writes only what the file says: empty cells and missing columns keep the
//   register's values; names that differ only in case keep the register's spelling, so
//   importing the same file again changes nothing.
// - New Posyandu are created only by a kelurahan/desa office, in its own village: a Posyandu
//   belongs to its kelurahan (WEWENANG in shared/domain/paket.ts), and a Puskesmas, kecamatan
//   or kota could not say which village a new name is in. Elsewhere unmatched names must be
//   chosen from the register.
// - New kader get the SPM field of a "Ketua bidang …" title, else kesehatan (a roster without
//   the field is the Posyandu's health kader); their status date is the SK date when active,
//   else today. New Posyandu serve all six SPM fields, as the Posyandu form proposes.
// - Writes take the same path as kader.service (same columns, versions, field versions, status
//   history with a note) but in one transaction for the whole file: createKader/updateKader open
//   their own transaction, which Kysely cannot nest, and their per-row lookups would be repeated
//   2,000 times. The checks they make are made here in bulk by the preview (NIK shape, date,
//   serial and kecamatan; uniqueness against the register and within the file; the Posyandu).

import { rmSync } from 'node:fs'
import type { KaderImportLayout, KaderImportPreview, KaderImportResult, ParsedInput } from '../../../../shared/contract'
import { SPM_FIELDS } from '../../../../shared/domain/reference'
import { zonaDariKodeWilayah } from '../../../../shared/domain/zona-waktu'
import { optimizeDatabase } from '../../db/open'
import type { Db, KaderDbRow } from '../../db/schema'
import { insertRecords, updateRecords, type RecordData, type RecordUpdate } from '../../sync/write'
import { type Editable } from '../kader/kader.service'
import { loadRoster } from './layout'
import { buildPreview, type RowPlan } from './preview'
import { writeErrorReport } from './report'
import { assertWewenang } from '../paket/authority'
import { officeToday, requireSite } from '../site/site.service'

/**
 * Only offices that may change kader in other offices' copies import a roster (WEWENANG: a
 * kelurahan/desa and a Puskesmas); from a kecamatan or the kota the kader would be refused by
 * everyone else, so the person is told at the first step.
 */
async function assertMayImport(db: Db): Promise<void> {
  assertWewenang((await requireSite(db)).level, ['kader', 'kader_status'], 'Mengimpor daftar kader')
}

export async function readRosterLayout(db: Db, input: ParsedInput<'kaderImpor:read'>): Promise<KaderImportLayout> {
  await assertMayImport(db)
  return (await loadRoster(input)).layout
}

export async function previewRosterImport(db: Db, input: ParsedInput<'kaderImpor:preview'>): Promise<KaderImportPreview> {
  await assertMayImport(db)
  const roster = await loadRoster(input, input.mapping)
  return (await buildPreview(db, roster, input)).preview
}


function editable(plan: RowPlan, posyanduId: string, statusDate: string, spmFields: string): Pick<KaderDbRow, Editable> {
  const v = plan.row.values
  return {
    nik: v.nik!,
    name: v.name!,
    sex: v.sex!,
    birth_place: v.birthPlace,
    birth_date: v.birthDate!,
    phone: v.phone,
    address: v.address,
    rt: v.rt,
    rw: v.rw,
    posyandu_id: posyanduId,
    role: v.role!,
    spm_fields: spmFields,
    sk_number: v.skNumber,
    sk_date: v.skDate,
    education: v.education,
    status: v.status!,
    status_date: statusDate,
    notes: v.notes,
  }
}

export async function applyRosterImport(db: Db, input: ParsedInput<'kaderImpor:apply'>): Promise<KaderImportResult> {
  await assertMayImport(db)
  const roster = await loadRoster(input, input.mapping)
  let report: string | null = null
  try {
    const result = await db.transaction().execute(async (trx) => {
      const now = new Date()
      const { site, rows, groups } = await buildPreview(trx, roster, input, now)
      const today = await officeToday(trx, now)
      const note = (what: string) => `${what} lewat impor daftar kader (${roster.layout.fileName}).`
      const saving = rows.filter((p) => p.row.action !== 'error')
      const skipped = rows.filter((p) => p.row.action === 'error')

      // New Posyandu: only those a saved row goes to.
      const wanted = new Set(saving.filter((p) => p.row.values.posyanduId === 'new').map((p) => p.posyanduKey))
      const toCreate = groups.filter((g) => g.entry.choice?.kind === 'new' && wanted.has(g.key))

      const fresh = saving.filter((p) => p.row.action === 'new')
      // One clock read per table written (the helpers issue a version per record, in order):
      // new Posyandu, new kader, changed kader, then the status history rows.
      const options = { nowMs: now.getTime() }

      const posyanduIds = new Map<string, string>()
      const createdPosyandu = await insertRecords(
        trx,
        'posyandu',
        toCreate.map((g) => ({
          name: g.entry.name,
          village_code: site.area_code,
          // Codes are retired and renamed over time: keep the name the record was made with.
          village_name: site.area_name,
          rw: null,
          address: null,
          puskesmas: null,
          registration_status: 'belum_terdaftar',
          schedule: null,
          spm_fields: JSON.stringify(SPM_FIELDS),
          active: 1 as const,
        })),
        options,
      )
      toCreate.forEach((g, i) => posyanduIds.set(g.key, createdPosyandu[i]!))
      const target = (p: RowPlan) => (p.row.values.posyanduId === 'new' ? posyanduIds.get(p.posyanduKey!)! : p.row.values.posyanduId!)

      const statusRows: RecordData<'kader_status'>[] = []
      const freshDates = fresh.map((p) => (p.row.values.status === 'aktif' && p.row.values.skDate ? p.row.values.skDate : today))
      const kaderIds = await insertRecords(
        trx,
        'kader',
        fresh.map((p, i) => editable(p, target(p), freshDates[i]!, JSON.stringify(p.spmFields))),
        options,
      )
      fresh.forEach((p, i) => {
        const id = kaderIds[i]!
        p.row.existingKaderId = id
        statusRows.push({ kader_id: id, status: p.row.values.status!, date: freshDates[i]!, note: note('Didaftarkan') })
      })

      // Updates write only the columns that differ from the register (and restore an archived kader).
      const updates = saving.filter((p) => p.row.action === 'update')
      const changes: RecordUpdate<'kader'>[] = []
      for (const p of updates) {
        const existing = p.existing!
        const v = p.row.values
        const statusChanged = v.status !== existing.status
        const values = editable(p, target(p), statusChanged ? today : existing.status_date, existing.spm_fields)
        changes.push({ existing, patch: values, deleted: 0 })
        if (statusChanged) statusRows.push({ kader_id: existing.id, status: values.status, date: today, note: note('Diubah') })
      }
      await updateRecords(trx, 'kader', changes, options)
      await insertRecords(trx, 'kader_status', statusRows, options)

      // Last inside the transaction: a report that cannot be written undoes the import.
      if (skipped.length > 0) report = await writeErrorReport(roster, skipped, now, zonaDariKodeWilayah(site.area_code))
      return {
        created: fresh.length,
        updated: updates.length,
        skipped: skipped.length,
        posyanduCreated: toCreate.length,
        errorReport: report,
      }
    })
    if (result.created > 0 || result.posyanduCreated > 0) await optimizeDatabase(db)
    return result
  } catch (e) {
    // The report of an import that did not happen would describe nothing.
    if (report) rmSync(report, { force: true })
    throw e
  }
}
