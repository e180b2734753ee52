// What an office may change in the copies other offices hold: the kinds of its level (the
// registry's `writers`) and only within its own area. Checked at import for every incoming write
// that would change a record here, against the office that made the write (the site id in the
// field's version) and against the office that signed the paket (a relay may pass on only what
// concerns its own area). See "Authority" in docs/paket-format.md.
//
// A writer's level and area come only from signed knowledge: this office's own site, and the key
// cards it trusts (a person compared the fingerprint, the kota's setup paket brought it, or an
// office that answers for it passed it on: the kota for every office, a Puskesmas for the
// kelurahan of its villages). An office named only in a sender's unsigned office list has no
// more authority than that sender: its writes are judged as the sender's own, and what the sender
// could not have written is held until a card says who the writer is.

import type SqliteDatabase from 'better-sqlite3'
import { PAKET_KIND_NAMES, WEWENANG, type PaketKind } from '../../../../shared/domain/paket'
import type { SiteLevel } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import { concernsScope, withinScope, type Scope } from '../../sync/area'
import { kindOf } from '../../sync/registry'

export const LEVEL_WORDS: Record<SiteLevel, string> = { kelurahan: 'kelurahan/desa', puskesmas: 'Puskesmas', kecamatan: 'kecamatan', kota: 'Dinas kota/kabupaten' }

/** The site id of the default OPD list every office starts with: the kota's reference data. */
export const DEFAULT_OWNER = 'default'

/**
 * The offices whose level and area this office knows from signed knowledge: itself, and every
 * key card it trusts. Read once per import stage (cards learned earlier in the same import count).
 */
export function signedScopes(sqlite: SqliteDatabase.Database): Map<string, Scope> {
  const out = new Map<string, Scope>()
  const self = sqlite.prepare('select id, level, area_code, name from site').get() as { id: string; level: SiteLevel; area_code: string; name: string }
  const own = (sqlite.prepare('select village_code from site_village order by village_code').all() as { village_code: string }[]).map((r) => r.village_code)
  out.set(self.id, { name: self.name, level: self.level, code: self.area_code, villages: own })
  for (const r of sqlite.prepare('select card from trusted_office').all() as { card: string }[]) {
    const c = JSON.parse(r.card) as { siteId: string; name: string; level: SiteLevel; areaCode: string; villages: string[] }
    if (!out.has(c.siteId)) out.set(c.siteId, { name: c.name, level: c.level, code: c.areaCode, villages: c.villages })
  }
  out.set(DEFAULT_OWNER, { name: 'Daftar OPD bawaan', level: 'kota', code: '', villages: [] })
  return out
}

/** The outcome of judging a write: accepted, held until more is known, or refused for good. */
export type Verdict = { ok: true } | { ok: false; held: boolean; reason: string }

const ACCEPT: Verdict = { ok: true }
const refuse = (reason: string): Verdict => ({ ok: false, held: false, reason })
const hold = (reason: string): Verdict => ({ ok: false, held: true, reason })

/**
 * Whether `writerId` may make this change to a record of `kind` whose area is `areas` (before and
 * after the change), relayed by `sender`. `names` gives an unknown writer's name as the sender
 * called it, for the message only.
 */
export function judge(
  kind: PaketKind,
  areas: readonly (string | undefined)[],
  writerId: string,
  scopes: Map<string, Scope>,
  selfId: string,
  sender: Scope,
  names: (siteId: string) => string | undefined,
): Verdict {
  // Only a write this office does not hold yet can change a record here; none of those is its own.
  if (writerId === selfId) return refuse('Perubahan ini mengaku dibuat oleh kantor ini, padahal kantor ini tidak pernah membuatnya; tidak diterima.')
  const known = scopes.get(writerId)
  if (!known) {
    // No more authority than the sender: what it could have written itself passes.
    const asSender = judgeKnown(kind, areas, sender, sender)
    if (asSender.ok) return ACCEPT
    const who = names(writerId)
    return hold(
      `Perubahan ini dibuat oleh ${who ? `${who} ` : 'kantor '}yang kartu kuncinya belum dikenal di sini, sehingga wewenangnya belum dapat diperiksa. Data ini disimpan dan diperiksa lagi bila kartu kunci kantor itu datang (lewat paket pembinaan Dinas atau paket dari kantor di atasnya).`,
    )
  }
  return judgeKnown(kind, areas, known, sender)
}

function judgeKnown(kind: PaketKind, areas: readonly (string | undefined)[], writer: Scope, sender: Scope): Verdict {
  if (!kindOf(kind).writers.includes(writer.level)) {
    return refuse(`${writer.name} (${LEVEL_WORDS[writer.level]}) tidak berwenang mengubah data ${PAKET_KIND_NAMES[kind].toLowerCase()}; perubahan ini tidak diterima.`)
  }
  if (kindOf(kind).area.length === 0) return ACCEPT // reference data has no area; its own rule applies (merge-records.ts)
  for (const a of areas) {
    if (a === undefined) {
      if (writer.level === 'kota') continue
      return hold(
        `Wilayah data ini belum dapat ditentukan di sini (data induknya atau kartu kunci pembuatnya belum ada), jadi perubahan dari ${writer.name} belum dapat diperiksa. Data ini disimpan dan diperiksa lagi bila data induknya datang.`,
      )
    }
    if (!withinScope(a, writer)) return refuse(`Data ini di luar wilayah ${writer.name}; perubahan dari kantor itu tidak diterima.`)
    if (sender.level !== 'kota' && !concernsScope(a, sender)) return refuse(`${sender.name} meneruskan perubahan data di luar wilayahnya; tidak diterima.`)
  }
  return ACCEPT
}

/**
 * Refuses a local change this office could not pass on: other offices would refuse it, and the
 * copies would differ for good (a conflict restored, a same-NIK merge).
 */
export function assertWewenang(level: SiteLevel, kinds: readonly PaketKind[], what: string): void {
  const missing = kinds.filter((k) => !WEWENANG[level].includes(k))
  if (missing.length === 0) return
  throw new AppError({
    code: 'forbidden',
    message: `${what} tidak dapat dilakukan di kantor ${LEVEL_WORDS[level]}: data ${missing.map((k) => PAKET_KIND_NAMES[k].toLowerCase()).join(', ')} hanya boleh diubah kantor yang berwenang, dan perubahan dari sini akan ditolak kantor lain. Minta kantor yang berwenang melakukannya.`,
  })
}
