// Every data row of a roster, read, checked and matched, as it will be saved. One pass over the
// rows and a handful of queries in all (the office's Posyandu, the kader whose NIK is in the
// file, the kecamatan codes the NIKs name): never a query per row.

import {
  SAME_AS,
  type KaderImportField,
  type KaderImportPosyandu,
  type KaderImportPreview,
  type KaderImportProblem,
  type KaderImportRow,
  type ParsedInput,
} from '../../../../shared/contract'
import { compareNik, NIK_MESSAGES, type ParsedNik } from '../../../../shared/domain/nik'
import { SPM_FIELDS, type KaderRole, type KaderStatus, type Sex, type SpmField } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import type { Db, KaderDbRow } from '../../db/schema'
import { codePrefixRange } from '../area/area.service'
import { posyanduTitle } from '../kader/kader.service'
import { officeToday, requireSite, type SiteRow } from '../site/site.service'
import { FIELD_LABELS, type LoadedRoster } from './layout'
import { closest, nearMatch, normalisePosyanduName } from './names'
import {
  ageOn,
  dmy,
  readDate,
  readEducation,
  readNik,
  readPhone,
  readRole,
  readRtOrRw,
  readRtRw,
  readSex,
  readStatus,
  splitPlaceDate,
  type Issue,
} from './values'
import { cellText, type CellValue } from './workbook'

type Values = KaderImportRow['values']
type ProblemField = KaderImportProblem['field']

/** A kader already in the database whose NIK is in the file. */
export type ExistingKader = KaderDbRow & { posyandu_name: string; village_name: string }

/** What applying a row needs beyond what the screen shows. */
export interface RowPlan {
  row: KaderImportRow
  existing: ExistingKader | null
  /** New kader: the SPM fields (from "Ketua bidang …", else kesehatan: the field every Posyandu serves). */
  spmFields: SpmField[]
  /** Normal form of the Posyandu name, the key of its group ('' when none). */
  posyanduKey: string | null
  /** The cells of the row as they were (for the error report). */
  cells: CellValue[]
}

export interface PosyanduGroup {
  key: string
  entry: KaderImportPosyandu
}

export interface PreviewPlan {
  preview: KaderImportPreview
  rows: RowPlan[]
  groups: PosyanduGroup[]
  site: SiteRow
}

// ---------------------------------------------------------------- row kinds

const TOTAL = /^\s*(jumlah|total|jml|sub\s*total)\b/i

function nikLike(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return v >= 1e9
  if (typeof v === 'string') return v.replace(/\D/g, '').length >= 10
  return false
}

/** "A. POSYANDU MAWAR 01 (RW 03)" → "POSYANDU MAWAR 01": a group label row above its kader. */
function sectionName(row: readonly CellValue[]): string | null {
  const texts = new Set(row.filter((v): v is string => typeof v === 'string').map((s) => s.trim()))
  const others = row.filter((v) => v !== null && typeof v !== 'string')
  if (texts.size !== 1 || others.length > 0) return null
  const text = [...texts][0]!
  const m = /\bposyandu\b.*$/i.exec(text)
  if (!m) return null
  const name = m[0].replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim()
  return normalisePosyanduName(name) ? name : null
}

// ---------------------------------------------------------------- helpers

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()
const sameText = (a: string | null, b: string | null) => (a ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === (b ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()

const LIMITS: Partial<Record<KaderImportField, number>> = { name: 100, birthPlace: 60, address: 300, skNumber: 100, notes: 1000 }

const SEX_WORDS: Record<Sex, string> = { L: 'L (laki-laki)', P: 'P (perempuan)' }

const ID_CHUNK = 500
function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}

// ---------------------------------------------------------------- lookups (one query each)

interface RegisterEntry {
  id: string
  name: string
  label: string
  norm: string
}

/** The Posyandu of this office's villages: a kelurahan's own, a Puskesmas's covered ones, all under a kecamatan or kota. */
async function loadRegister(db: Db, site: SiteRow): Promise<RegisterEntry[]> {
  let q = db.selectFrom('posyandu').select(['id', 'name', 'village_code', 'village_name']).where('deleted', '=', 0)
  if (site.level === 'kelurahan') q = q.where('village_code', '=', site.area_code)
  else if (site.level === 'puskesmas') q = q.where('village_code', 'in', db.selectFrom('site_village').select('village_code'))
  else {
    const [lo, hi] = codePrefixRange(`${site.area_code}.`)
    q = q.where('village_code', '>=', lo).where('village_code', '<', hi)
  }
  const rows = await q.orderBy('name').orderBy('id').execute()
  const many = new Set(rows.map((r) => r.village_code)).size > 1
  // Every village has its "Posyandu Mawar 01": the village tells them apart (as posyanduLabel in the screens).
  return rows.map((r) => ({ id: r.id, name: r.name, label: many ? `${r.name} — ${r.village_name}` : r.name, norm: normalisePosyanduName(r.name) }))
}

async function loadExisting(db: Db, niks: readonly string[]): Promise<Map<string, ExistingKader>> {
  const out = new Map<string, ExistingKader>()
  for (const part of chunks(niks, ID_CHUNK)) {
    const rows = await db
      .selectFrom('kader')
      .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
      .selectAll('kader')
      .select(['posyandu.name as posyandu_name', 'posyandu.village_name'])
      .where('kader.nik', 'in', part)
      .execute()
    for (const r of rows) {
      const held = out.get(r.nik)
      // The kader on the roster wins over an archived one; among archived, the latest.
      if (!held || (held.deleted === 1 && (r.deleted === 0 || r.updated_at > held.updated_at))) out.set(r.nik, r)
    }
  }
  return out
}

async function loadDistricts(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>()
  for (const part of chunks(codes, ID_CHUNK)) {
    const rows = await db.selectFrom('area').select('code').where('level', '=', 3).where('code', 'in', part).execute()
    for (const r of rows) out.add(r.code)
  }
  return out
}

// ---------------------------------------------------------------- reading one row

interface Draft {
  rowNumber: number
  cells: CellValue[]
  raw: Partial<Record<KaderImportField, string>>
  problems: KaderImportProblem[]
  name: string | null
  nik: string | null
  parsed: ParsedNik | null
  sex: Sex | null
  sexUnknown: string | null
  birthPlace: string | null
  birthDate: string | null
  /** Where the birth date came from, for the problems about it. */
  birthDateField: ProblemField
  address: string | null
  rt: string | null
  rw: string | null
  phone: string | null
  posyanduName: string | null
  role: KaderRole | null
  roleSpm: SpmField | null
  education: string | null
  skNumber: string | null
  skDate: string | null
  status: KaderStatus | null
  statusUnknown: string | null
  notes: string | null
}

function readRow(roster: LoadedRoster, rowNumber: number, cells: CellValue[], section: string | null, today: string, now: Date): Draft {
  const col = (f: KaderImportField): CellValue => {
    const c = roster.columnOf.get(f)
    return c === undefined ? null : (cells[c - 1] ?? null)
  }
  const problems: KaderImportProblem[] = []
  const add = (field: ProblemField, issue: Issue | undefined) => {
    if (issue) problems.push({ field, severity: issue.severity, message: issue.message })
  }
  const raw: Partial<Record<KaderImportField, string>> = {}
  for (const [f] of roster.columnOf) {
    const t = cellText(col(f))
    if (t) raw[f] = t
  }
  const text = (f: KaderImportField): string | null => {
    const t = collapse(cellText(col(f)))
    if (!t || t === '-') return null
    const max = LIMITS[f]
    if (max && t.length > max) {
      add(f, { severity: 'warning', message: `${FIELD_LABELS[f]} lebih dari ${max} huruf; dipotong menjadi ${max} huruf.` })
      return t.slice(0, max)
    }
    return t
  }

  const name = text('name')
  if (!name) add('name', { severity: 'error', message: 'Nama kosong. Isi nama lengkap kader.' })
  else if (name.length < 2) add('name', { severity: 'error', message: `Nama "${name}" terlalu pendek. Isi nama lengkap kader.` })

  const nikRead = readNik(col('nik'), now)
  add('nik', nikRead.issue)

  const sexRead = readSex(col('sex'))

  // Birth place and date: their own columns first, else the combined "Tempat/Tgl Lahir".
  let birthPlace = text('birthPlace')
  let birthDate: string | null = null
  let birthDateField: ProblemField = 'birthDate'
  const combined = col('birthPlaceDate')
  const split = combined !== null ? splitPlaceDate(combined) : null
  if (!birthPlace && split?.place) {
    birthPlace = collapse(split.place).slice(0, 60)
  }
  if (col('birthDate') !== null) {
    const d = readDate(col('birthDate'), { label: 'Tanggal lahir', kind: 'birth' }, today)
    birthDate = d.value
    add('birthDate', d.issue)
  } else if (split && split.date !== null) {
    birthDateField = 'birthPlaceDate'
    const d = readDate(split.date, { label: 'Tanggal lahir', kind: 'birth' }, today)
    birthDate = d.value
    add('birthPlaceDate', d.issue)
  }
  if (birthDate) {
    const age = ageOn(birthDate, today)
    if (age < 15 || age > 90) {
      add(birthDateField, { severity: 'warning', message: `Menurut tanggal lahir ${dmy(birthDate)}, umur kader ${age} tahun. Periksa tanggal lahirnya.` })
    }
  }

  let rt: string | null = null
  let rw: string | null = null
  if (col('rt') !== null || col('rw') !== null) {
    const a = readRtOrRw(col('rt'), 'RT')
    const b = readRtOrRw(col('rw'), 'RW')
    rt = a.value
    rw = b.value
    add('rt', a.issue)
    add('rw', b.issue)
  }
  if ((rt === null || rw === null) && col('rtRw') !== null) {
    const both = readRtRw(col('rtRw'))
    rt ??= both.rt
    rw ??= both.rw
    add('rtRw', both.issue)
  }

  const phone = readPhone(col('phone'))
  add('phone', phone.issue)

  const role = readRole(col('role'))
  if (role.unknown) {
    add('role', { severity: 'warning', message: `Jabatan "${role.unknown}" tidak ada dalam pilihan aplikasi; disimpan sebagai Kader. Ubah di data kader bila perlu.` })
  }
  const education = readEducation(col('education'))
  if (education.unknown) add('education', { severity: 'warning', message: `Pendidikan "${education.unknown}" tidak dikenali; dikosongkan.` })

  const skDate = readDate(col('skDate'), { label: 'Tanggal SK', kind: 'sk' }, today)
  // The SK date is optional: one that cannot be read is left empty, not a reason to skip the kader.
  if (skDate.issue) add('skDate', skDate.issue.severity === 'error' ? { severity: 'warning', message: `${skDate.issue.message} Dikosongkan.` } : skDate.issue)

  const status = readStatus(col('status'))

  return {
    rowNumber,
    cells,
    raw,
    problems,
    name,
    nik: nikRead.value,
    parsed: nikRead.parsed ?? null,
    sex: sexRead.value,
    sexUnknown: sexRead.unknown ?? null,
    birthPlace,
    birthDate,
    birthDateField,
    address: text('address'),
    rt,
    rw,
    phone: phone.value,
    posyanduName: text('posyandu') ?? section,
    role: role.value,
    roleSpm: role.spmField ?? null,
    education: education.value,
    skNumber: text('skNumber'),
    skDate: skDate.value,
    status: status.value,
    statusUnknown: status.unknown ?? null,
    notes: text('notes'),
  }
}

// ---------------------------------------------------------------- the preview

const pickChoice = (choices: Record<string, string>, name: string, key: string): string | undefined => {
  if (name in choices) return choices[name]
  for (const [k, v] of Object.entries(choices)) if (normalisePosyanduName(k) === key) return v
  return undefined
}

/**
 * The rows of the data region: from under the header to the last row that looks like a kader
 * (a NIK, or a name with at least two more cells). Blank rows inside are skipped and counted;
 * total rows ("Jumlah", "Total") are skipped; a row holding only "POSYANDU …" names the Posyandu
 * of the rows under it; whatever follows the last kader (signatures, "Mengetahui, Lurah …") is
 * not data.
 */
function dataRows(roster: LoadedRoster): { rows: { n: number; cells: CellValue[]; section: string | null }[]; blank: number } {
  const { grid, shape, columnOf } = roster
  const nikCol = columnOf.get('nik')
  const nameCol = columnOf.get('name')
  const mapped = [...columnOf.values()]
  const kinds: { n: number; kind: 'blank' | 'total' | 'section' | 'data'; likeKader: boolean; section?: string }[] = []
  for (let r = shape.dataStart; r <= grid.rows.length; r++) {
    const cells = grid.rows[r - 1]!
    // Only unmapped cells filled (a template's pre-numbered "No" column): nothing to import.
    if (!mapped.some((c) => cells[c - 1] !== null && cells[c - 1] !== undefined)) {
      kinds.push({ n: r, kind: 'blank', likeKader: false })
      continue
    }
    const nikCell = nikCol ? cells[nikCol - 1] : undefined
    if (!nikLike(nikCell) && cells.some((v) => typeof v === 'string' && TOTAL.test(v))) {
      const nameCell = nameCol ? cells[nameCol - 1] : undefined
      if (nameCell === null || nameCell === undefined || (typeof nameCell === 'string' && TOTAL.test(nameCell)) || typeof nameCell === 'number') {
        kinds.push({ n: r, kind: 'total', likeKader: false })
        continue
      }
    }
    const section = nikLike(nikCell) ? null : sectionName(cells)
    if (section) {
      kinds.push({ n: r, kind: 'section', likeKader: false, section })
      continue
    }
    const filled = mapped.filter((c) => cells[c - 1] !== null && cells[c - 1] !== undefined).length
    const hasName = nameCol !== undefined && cells[nameCol - 1] !== null && cells[nameCol - 1] !== undefined
    kinds.push({ n: r, kind: 'data', likeKader: nikLike(nikCell) || (hasName && filled >= 3) })
  }
  let last = -1
  kinds.forEach((k, i) => {
    if (k.likeKader) last = i
  })
  const rows: { n: number; cells: CellValue[]; section: string | null }[] = []
  let blank = 0
  let section: string | null = null
  for (const k of kinds.slice(0, last + 1)) {
    if (k.kind === 'blank') blank++
    else if (k.kind === 'section') section = k.section!
    else if (k.kind === 'data') rows.push({ n: k.n, cells: grid.rows[k.n - 1]!, section })
  }
  return { rows, blank }
}

export async function buildPreview(db: Db, roster: LoadedRoster, input: ParsedInput<'kaderImpor:preview'>, now: Date = new Date()): Promise<PreviewPlan> {
  const site = await requireSite(db)
  const missing = (['name', 'nik'] as const).filter((f) => !roster.columnOf.has(f))
  if (missing.length > 0) {
    const what = missing.map((f) => FIELD_LABELS[f]).join(' dan ')
    const message = `Kolom ${what} belum ditemukan di baris judul (baris ${roster.shape.headerRow} lembar "${roster.grid.name}"). Pilih kolom yang berisi ${what}, atau pilih baris judul kolom yang lain.`
    throw new AppError({ code: 'invalid_input', field: 'mapping', message, fields: { mapping: message } })
  }
  const today = await officeToday(db, now)
  const { rows: region, blank } = dataRows(roster)
  const drafts = region.map((r) => readRow(roster, r.n, r.cells, r.section, today, now))

  const niks = [...new Set(drafts.map((d) => (d.parsed ? d.nik! : null)).filter((n): n is string => n !== null))]
  const [register, existing, districts] = await Promise.all([
    loadRegister(db, site),
    loadExisting(db, niks),
    loadDistricts(db, [...new Set(drafts.map((d) => d.parsed?.districtCode).filter((c): c is string => c !== undefined))]),
  ])

  // Posyandu groups: one per name as written (compared in normal form), decided by the register or the person.
  const registerByNorm = new Map<string, RegisterEntry[]>()
  for (const p of register) registerByNorm.set(p.norm, [...(registerByNorm.get(p.norm) ?? []), p])
  const registerById = new Map(register.map((p) => [p.id, p]))
  const candidates = register.map((p) => ({ norm: p.norm, item: p }))
  type Group = PosyanduGroup & {
    rowMessage: string | null
    targetId: string | null
    targetLabel: string | null
    /** The group whose Posyandu the rows go to: its own key, or another name's when "sama dengan …". */
    targetKey: string
    exact: number
    asked: string | undefined
  }
  const groups = new Map<string, Group>()
  const groupOf = (name: string | null): string => {
    const key = name ? normalisePosyanduName(name) : ''
    const g = groups.get(key)
    const display = name ? collapse(name) : ''
    if (g) {
      g.entry.rows++
      // "MELATI IV" under "Melati 4": one Posyandu, and the screen shows every spelling it stands for.
      if (display !== g.entry.name && !g.entry.spellings.includes(display)) g.entry.spellings.push(display)
      return key
    }
    const exact = key ? (registerByNorm.get(key) ?? []) : []
    // "new" for a name the register already has (e.g. created by the first import of this file)
    // would make a second Posyandu of that name in the same village: the register's is meant.
    const asked = pickChoice(input.posyandu, display, key)
    // "sama:<name>" is settled once every name of the file has its group (below).
    const choice = asked?.startsWith(SAME_AS) || (asked === 'new' && exact.length > 0) ? undefined : asked
    const group: Group = {
      key,
      entry: { name: display, rows: 1, choice: null, suggestions: [], near: null, spellings: [], nearInFile: null, sameAs: null },
      rowMessage: null,
      targetId: null,
      targetLabel: null,
      targetKey: key,
      exact: exact.length,
      asked,
    }
    // A name one or two letters off one Posyandu is offered first ("Maksud Anda …?"), never taken.
    const near = exact.length === 0 && key ? nearMatch(key, candidates) : null
    const closer = exact.length === 0 && key ? closest(key, candidates) : []
    const suggest = exact.length > 1 ? exact : near ? [near, ...closer.filter((p) => p.id !== near.id)] : closer
    group.entry.suggestions = suggest.map((p) => ({ id: p.id, name: p.label }))
    group.entry.near = near ? { id: near.id, name: near.label } : null
    const hint = group.entry.suggestions.length ? ` Mungkin maksudnya: ${group.entry.suggestions.map((s) => posyanduTitle(s.name)).join(', ')}.` : ''
    if (choice === 'new') {
      if (site.level !== 'kelurahan') {
        group.rowMessage = `Posyandu baru hanya dapat dibuat oleh kantor kelurahan/desa tempat Posyandu itu berada. Pilih Posyandu yang sudah ada untuk "${display}".`
      } else if (!key) {
        group.rowMessage = 'Posyandu kosong, jadi tidak dapat dibuat baru. Pilih Posyandu untuk baris ini atau isi kolom Posyandu.'
      } else {
        group.entry.choice = { kind: 'new' }
        group.targetId = 'new'
        group.targetLabel = posyanduTitle(display)
      }
    } else if (choice !== undefined) {
      const p = registerById.get(choice)
      if (p) {
        group.entry.choice = { kind: 'existing', id: p.id, name: p.label }
        group.targetId = p.id
        group.targetLabel = posyanduTitle(p.label)
      } else {
        group.rowMessage = `Posyandu yang dipilih untuk "${display || '(kosong)'}" tidak ada di daftar Posyandu kantor ini. Pilih lagi.`
      }
    } else if (exact.length === 1) {
      group.entry.choice = { kind: 'existing', id: exact[0]!.id, name: exact[0]!.label }
      group.targetId = exact[0]!.id
      group.targetLabel = posyanduTitle(exact[0]!.label)
    } else if (exact.length > 1) {
      group.rowMessage = `Ada ${exact.length} Posyandu bernama "${display}" di wilayah kantor ini (${exact.map((p) => p.label).join('; ')}). Pilih Posyandu yang benar.`
    } else if (!key) {
      group.rowMessage = 'Posyandu kosong. Pilih Posyandu untuk baris ini atau isi kolom Posyandu.'
    } else if (near) {
      group.rowMessage =
        site.level === 'kelurahan'
          ? `Posyandu "${display}" tidak ada di daftar Posyandu kantor ini. Maksud Anda ${posyanduTitle(near.label)}? Pilih Posyandu itu, atau buat Posyandu baru bila memang berbeda.`
          : `Posyandu "${display}" tidak ada di daftar Posyandu wilayah kantor ini. Maksud Anda ${posyanduTitle(near.label)}? Pilih Posyandu itu atau Posyandu lain yang sudah ada.`
    } else {
      group.rowMessage =
        site.level === 'kelurahan'
          ? `Posyandu "${display}" tidak ada di daftar Posyandu kantor ini. Pilih Posyandu atau buat baru.${hint}`
          : `Posyandu "${display}" tidak ada di daftar Posyandu wilayah kantor ini. Pilih Posyandu yang sudah ada (Posyandu baru dibuat oleh kantor kelurahan/desanya).${hint}`
    }
    groups.set(key, group)
    return key
  }

  // Every name of the file first, in file order and counted, so that one name can be compared
  // with, and follow, another that comes later in the file.
  for (const d of drafts) if (d.posyanduName) groupOf(d.posyanduName)
  const named = [...groups.values()]

  // A new name a letter or two off another new name of the file with more rows (or as many,
  // earlier): the typo of that one, asked about so that it does not become a second Posyandu.
  if (site.level === 'kelurahan') {
    const unregistered = named.filter((g) => g.key && g.exact === 0)
    unregistered.forEach((g, i) => {
      if (g.entry.near) return
      const originals = unregistered.filter((h, j) => h !== g && (h.entry.rows > g.entry.rows || (h.entry.rows === g.entry.rows && j < i)))
      const h = nearMatch(g.key, originals.map((o) => ({ norm: o.key, item: o })))
      if (!h) return
      g.entry.nearInFile = h.entry.name
      if (g.targetId === null && g.asked === undefined) {
        g.rowMessage = `Posyandu "${g.entry.name}" tidak ada di daftar Posyandu kantor ini. Maksud Anda "${h.entry.name}" (nama lain di berkas ini, ${h.entry.rows} baris)? Pilih "sama dengan ${h.entry.name}", atau buat Posyandu baru bila memang berbeda.`
      }
    })
  }
  // "sama:<name>": these rows go wherever that name of the file goes (one new Posyandu for both).
  for (const g of named) {
    if (!g.asked?.startsWith(SAME_AS)) continue
    const wanted = g.asked.slice(SAME_AS.length)
    const t = groups.get(normalisePosyanduName(wanted))
    if (!t || t === g || t.asked?.startsWith(SAME_AS)) {
      g.rowMessage = `Nama "${wanted}" yang dipilih untuk "${g.entry.name}" tidak ada di berkas ini sebagai Posyandu tersendiri. Pilih lagi.`
      continue
    }
    g.entry.sameAs = t.entry.name
    g.entry.choice = t.entry.choice
    g.targetId = t.targetId
    g.targetKey = t.key
    g.targetLabel = t.targetLabel
    g.rowMessage = t.targetId === null ? `Baris ini ikut Posyandu "${t.entry.name}", yang belum dipilih. Pilih Posyandu untuk "${t.entry.name}".` : null
  }

  const firstRowOfNik = new Map<string, number>()
  const plans: RowPlan[] = []
  for (const d of drafts) {
    const problems = d.problems
    const add = (field: ProblemField, severity: 'error' | 'warning', message: string) => problems.push({ field, severity, message })
    let match: ExistingKader | null = null
    if (d.parsed && d.nik) {
      const first = firstRowOfNik.get(d.nik)
      if (first !== undefined) {
        add('nik', 'error', `NIK ini sudah ada di baris ${first} berkas ini; baris ini dilewati. Periksa NIK mana yang benar.`)
      } else {
        firstRowOfNik.set(d.nik, d.rowNumber)
        match = existing.get(d.nik) ?? null
        // A NIK already in the register was accepted then; kecamatan codes get retired (as in kader.service).
        if (!match && !districts.has(d.parsed.districtCode)) add('nik', 'error', NIK_MESSAGES.district)
      }
    }
    if (match?.deleted === 1) add('nik', 'warning', `Kader ber-NIK ini ada di arsip (${match.name}); akan dipulihkan dari arsip dan diperbarui.`)
    if (match && d.name && !sameText(d.name, match.name)) {
      add('name', 'warning', `Nama terdaftar untuk NIK ini "${match.name}"; akan diganti menjadi "${d.name}".`)
    }

    // Sex and birth date: as written, else the register's (update), else read from the NIK.
    let sex = d.sex ?? (match?.sex as Sex | undefined) ?? null
    if (!d.sex && !match && d.parsed) {
      sex = d.parsed.sex
      add('sex', 'warning', d.sexUnknown ? `Jenis kelamin "${d.sexUnknown}" tidak dikenali; diisi ${SEX_WORDS[sex]} menurut NIK.` : `Jenis kelamin kosong; diisi ${SEX_WORDS[sex]} menurut NIK.`)
    } else if (d.sexUnknown && !d.parsed) {
      add('sex', 'error', `Jenis kelamin "${d.sexUnknown}" tidak dikenali. Tulis L atau P.`)
    } else if (d.sexUnknown && match) {
      add('sex', 'warning', `Jenis kelamin "${d.sexUnknown}" tidak dikenali; yang terdaftar tidak diubah.`)
    } else if (!sex) {
      add('sex', 'error', 'Jenis kelamin kosong. Tulis L atau P.')
    }
    const birthHadError = problems.some((p) => p.field === d.birthDateField && p.severity === 'error')
    let birthDate = d.birthDate ?? (birthHadError ? null : (match?.birth_date ?? null))
    if (!birthDate && !birthHadError) {
      if (d.parsed) {
        birthDate = d.parsed.birthDate
        add('birthDate', 'warning', `Tanggal lahir kosong; diisi ${dmy(birthDate)} menurut NIK.`)
      } else {
        add('birthDate', 'error', 'Tanggal lahir kosong. Isi tanggal lahir, mis. 12-04-1985.')
      }
    }
    if (d.parsed && (d.sex || d.birthDate)) {
      for (const w of compareNik(d.parsed, { birthDate: d.birthDate, sex: d.sex })) {
        add(w.code === 'sex_mismatch' ? 'sex' : d.birthDateField, 'warning', w.message)
      }
    }
    if (d.statusUnknown) {
      add('status', 'warning', `Status "${d.statusUnknown}" tidak dikenali; ${match ? 'status terdaftar tidak diubah' : 'disimpan Aktif'}.`)
    }

    // Posyandu: the row's own, else its section's; an update without one stays where it is.
    let posyanduId: string | null = match?.posyandu_id ?? null
    let posyanduKey: string | null = null
    if (d.posyanduName || !match) {
      // Named groups are made and counted above; the empty one here, when a row needs it.
      const g = groups.get(d.posyanduName ? normalisePosyanduName(d.posyanduName) : groupOf(null))!
      posyanduKey = g.targetKey
      posyanduId = g.targetId
      if (g.rowMessage) add('posyandu', 'error', g.rowMessage)
      else if (match && g.targetId !== match.posyandu_id && g.targetLabel) {
        add('posyandu', 'warning', `Kader ini terdaftar di ${posyanduTitle(match.posyandu_name)} (${match.village_name}); akan dipindah ke ${g.targetLabel}.`)
      }
    }

    const role = d.role ?? (match?.role as KaderRole | undefined) ?? 'kader'
    const status = d.status ?? (match?.status as KaderStatus | undefined) ?? 'aktif'
    const values: Values = {
      name: d.name,
      nik: d.nik,
      sex,
      birthPlace: d.birthPlace ?? match?.birth_place ?? null,
      birthDate,
      address: d.address ?? match?.address ?? null,
      rt: d.rt ?? match?.rt ?? null,
      rw: d.rw ?? match?.rw ?? null,
      phone: d.phone ?? match?.phone ?? null,
      posyanduName: d.posyanduName ? collapse(d.posyanduName) : null,
      posyanduId,
      role,
      education: d.education ?? match?.education ?? null,
      skNumber: d.skNumber ?? match?.sk_number ?? null,
      skDate: d.skDate ?? match?.sk_date ?? null,
      status,
      notes: d.notes ?? match?.notes ?? null,
    }
    // Same spelling but for case: keep the register's, so a re-import changes nothing.
    if (match && d.name && d.name.toLowerCase() === match.name.toLowerCase()) values.name = match.name
    if (match && d.birthPlace && match.birth_place && d.birthPlace.toLowerCase() === match.birth_place.toLowerCase()) values.birthPlace = match.birth_place

    if (match) {
      // A cell that could not be read leaves the register's value as it is, not empty.
      for (const q of problems) q.message = q.message.replace('; dikosongkan.', '; yang terdaftar tidak diubah.').replace(' Dikosongkan.', ' Yang terdaftar tidak diubah.')
    }
    problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    const hasError = problems.some((p) => p.severity === 'error')
    const row: KaderImportRow = {
      row: d.rowNumber,
      action: hasError ? 'error' : match ? 'update' : 'new',
      existingKaderId: match?.id ?? null,
      values,
      raw: d.raw,
      problems,
    }
    const spmFields: SpmField[] = d.roleSpm ? [d.roleSpm] : ['kesehatan']
    plans.push({ row, existing: match, spmFields: SPM_FIELDS.filter((f) => spmFields.includes(f)), posyanduKey, cells: d.cells })
  }

  const rows = plans.map((p) => p.row)
  const groupList = [...groups.values()]
  return {
    site,
    rows: plans,
    groups: groupList.map((g) => ({ key: g.key, entry: g.entry })),
    preview: {
      layout: roster.layout,
      rows,
      posyandu: groupList.map((g) => g.entry),
      counts: {
        new: rows.filter((r) => r.action === 'new').length,
        update: rows.filter((r) => r.action === 'update').length,
        error: rows.filter((r) => r.action === 'error').length,
        warnings: rows.filter((r) => r.problems.some((p) => p.severity === 'warning')).length,
        blank,
      },
    },
  }
}

