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
import { optimizeDatabase } from '../../db/open'
import type { Db, KaderDbRow, NewKaderRow } from '../../db/schema'
import { bumpFieldVersions, nextVersions } from '../../sync/hlc'
import { uuidv7 } from '../../sync/uuid'
import { EDITABLE, todayJakarta, type Editable } from '../kader/kader.service'
import { loadRoster } from './layout'
import { buildPreview, type RowPlan } from './preview'
import { writeErrorReport } from './report'
import { assertWewenang } from '../paket/authority'
import { requireSite } from '../site/site.service'

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


const INSERT_CHUNK = 400

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
      const today = todayJakarta(now)
      const stamp = now.toISOString()
      const note = (what: string) => `${what} lewat impor daftar kader (${roster.layout.fileName}).`
      const saving = rows.filter((p) => p.row.action !== 'error')
      const skipped = rows.filter((p) => p.row.action === 'error')

      // New Posyandu: only those a saved row goes to.
      const wanted = new Set(saving.filter((p) => p.row.values.posyanduId === 'new').map((p) => p.posyanduKey))
      const toCreate = groups.filter((g) => g.entry.choice?.kind === 'new' && wanted.has(g.key))

      // Updates: what changes, so the versions can be issued in one go.
      const updates = saving
        .filter((p) => p.row.action === 'update')
        .map((p) => {
          const existing = p.existing!
          const v = p.row.values
          const statusChanged = v.status !== existing.status
          const values = editable(p, v.posyanduId!, statusChanged ? today : existing.status_date, existing.spm_fields)
          const changed: string[] = EDITABLE.filter((c) => values[c] !== existing[c])
          if (existing.deleted === 1) changed.push('deleted')
          return { plan: p, existing, values, changed, statusChanged }
        })
      const fresh = saving.filter((p) => p.row.action === 'new')
      const count = toCreate.length + fresh.length * 2 + updates.reduce((n, u) => n + (u.changed.length > 0 ? 1 : 0) + (u.statusChanged ? 1 : 0), 0)
      const versions = await nextVersions(trx, site.id, count)
      let vi = 0
      const version = () => versions[vi++]!
      /** The bookkeeping columns of a record made by this import: its own version, no later writes. */
      const made = (id: string = uuidv7()) => ({ id, site_id: site.id, version: version(), field_versions: '{}', created_at: stamp, updated_at: stamp, deleted: 0 as const })

      const posyanduIds = new Map<string, string>()
      for (const g of toCreate) {
        const id = uuidv7()
        posyanduIds.set(g.key, id)
        await trx
          .insertInto('posyandu')
          .values({
            ...made(id),
            name: g.entry.name,
            village_code: site.area_code,
            // Codes are retired and renamed over time: keep the name the record was made with.
            village_name: site.area_name,
            rw: null,
            address: null,
            puskesmas: null,
            schedule: null,
            spm_fields: JSON.stringify(SPM_FIELDS),
            active: 1,
          })
          .execute()
      }
      const target = (p: RowPlan) => (p.row.values.posyanduId === 'new' ? posyanduIds.get(p.posyanduKey!)! : p.row.values.posyanduId!)

      const kaderRows: NewKaderRow[] = []
      const statusRows: { id: string; site_id: string; version: string; field_versions: string; created_at: string; updated_at: string; deleted: 0; kader_id: string; status: string; date: string; note: string }[] = []
      for (const p of fresh) {
        const v = p.row.values
        const statusDate = v.status === 'aktif' && v.skDate ? v.skDate : today
        const id = uuidv7()
        p.row.existingKaderId = id
        kaderRows.push({
          ...editable(p, target(p), statusDate, JSON.stringify(p.spmFields)),
          ...made(id),
        })
        statusRows.push({
          ...made(),
          kader_id: id,
          status: v.status!,
          date: statusDate,
          note: note('Didaftarkan'),
        })
      }
      for (let i = 0; i < kaderRows.length; i += INSERT_CHUNK) await trx.insertInto('kader').values(kaderRows.slice(i, i + INSERT_CHUNK)).execute()

      for (const u of updates) {
        if (u.changed.length > 0) {
          const ver = version()
          const patch: Record<string, unknown> = {}
          for (const c of u.changed) patch[c] = c === 'deleted' ? 0 : u.values[c as Editable]
          if (u.changed.includes('posyandu_id')) patch.posyandu_id = target(u.plan)
          await trx
            .updateTable('kader')
            .set({ ...patch, version: ver, field_versions: bumpFieldVersions(u.existing, u.changed, ver), updated_at: stamp })
            .where('id', '=', u.existing.id)
            .execute()
        }
        if (u.statusChanged) {
          statusRows.push({
            ...made(),
            kader_id: u.existing.id,
            status: u.values.status,
            date: today,
            note: note('Diubah'),
          })
        }
      }
      for (let i = 0; i < statusRows.length; i += INSERT_CHUNK) await trx.insertInto('kader_status').values(statusRows.slice(i, i + INSERT_CHUNK)).execute()

      // Last inside the transaction: a report that cannot be written undoes the import.
      if (skipped.length > 0) report = await writeErrorReport(roster, skipped, now)
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
