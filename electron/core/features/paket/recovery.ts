// Recovery of a lost office through the region (issue 15, item 4). The Dinas (any office of its
// city) or a Puskesmas (the kelurahan of its villages) makes a recovery paket for the new
// installation of an office whose PC was lost: after a person matched the new key card's
// fingerprint over the phone, it trusts that card, signs a succession statement (the new
// installation succeeds the old one(s) of that area; it travels with every paket), at the kota
// revokes the old key, and writes every record of the area it holds, encrypted for the new card
// only. Importing it is the ordinary import (import.ts), which checks that the sender may recover
// this office and that the statement names this installation. See section 8 of
// docs/bundle-format.md.

import type { PaketRecoveryCheck, PaketRecoveryResult, ParsedInput } from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import { sqliteOf, withDurableCommit } from '../../db/open'
import type { Db } from '../../db/schema'
import type { Emit } from '../../ipc/types'
import { cardFingerprint, makeSuccession, sameFingerprint, type Card, type Succession } from '../../sync/card'
import { REPLICATED_TABLES } from '../../sync/registry'
import { uuidv7 } from '../../sync/uuid'
import {
  cardInfo,
  loadCard,
  mayRecover,
  ownKeys,
  retirePredecessors,
  revocationOf,
  storeSuccession,
  trust,
  trustStatus,
} from '../kunci/kunci.service'
import { requireSite } from '../site/site.service'
import { LEVEL_WORDS } from './authority'
import { exportPaketFile, recoveryRecipient, routedRows, routingResolver } from './export'

interface Checked {
  card: Card
  /** The old installations: site id, name, and the key fingerprint known here (null: none). */
  predecessors: { siteId: string; name: string; fingerprint: string | null }[]
}

/**
 * The new card, read and checked: its fingerprint is the one the person typed, this office may
 * recover it, it is a new installation (not this office, not a key already known for that site
 * id or revoked), and this office knows the old installation(s) it replaces.
 */
async function checkCard(db: Db, cardPath: string, typed: string): Promise<Checked> {
  const site = await requireSite(db)
  const card = await loadCard(cardPath)
  if (!sameFingerprint(typed, cardFingerprint(card))) {
    throw new AppError({
      code: 'invalid_input',
      field: 'fingerprint',
      message:
        'Sidik jari yang diketik tidak sama dengan sidik jari kartu kunci ini. Paket pemulihan tidak dibuat. Minta petugas kantor itu membacakan lagi sidik jari yang tampil di layarnya; bila tetap berbeda, kartu ini bukan dari PC mereka.',
    })
  }
  const status = await trustStatus(db, card)
  if (status === 'self') throw new AppError({ code: 'invalid_input', message: 'Ini kartu kunci kantor ini sendiri, bukan kartu instalasi baru kantor yang dipulihkan.' })
  const villages = (await db.selectFrom('site_village').select('village_code').execute()).map((r) => r.village_code)
  if (!mayRecover({ level: site.level, areaCode: site.area_code, villages }, card)) {
    throw new AppError({
      code: 'forbidden',
      message:
        site.level === 'puskesmas'
          ? `${card.name} (${card.areaName}) bukan kelurahan/desa binaan Puskesmas ini, jadi Puskesmas ini tidak dapat memulihkannya. Minta Dinas kota/kabupaten membuat paket pemulihannya.`
          : site.level === 'kota'
            ? `${card.name} (${card.areaName}) tidak berada di wilayah ${site.area_name}, jadi Dinas ini tidak dapat memulihkannya.`
            : `Paket pemulihan hanya dibuat oleh Dinas kota/kabupaten atau Puskesmas pembina, bukan oleh kantor ${LEVEL_WORDS[site.level]}.`,
    })
  }
  if (status === 'changed') {
    throw new AppError({
      code: 'invalid_input',
      message: `Kartu ini memakai pengenal kantor yang sudah dikenal di sini dengan kunci lain, jadi bukan kartu instalasi baru. Instalasi baru dibuat lewat "Pulihkan dari Puskesmas/Dinas" di layar pertama aplikasi; minta ${card.name} menyimpan kartu kunci dari instalasi itu.`,
    })
  }
  if (await revocationOf(db, cardFingerprint(card))) {
    throw new AppError({ code: 'forbidden', message: 'Kunci pada kartu ini telah dicabut oleh Dinas. Minta kantor itu memasang aplikasi baru dan menyimpan kartu kuncinya lagi.' })
  }
  const predecessors = await predecessorsFor(db, card)
  if (predecessors.length === 0) {
    throw new AppError({
      code: 'not_found',
      message: `Kantor ini belum pernah menerima paket atau kartu kunci dari ${LEVEL_WORDS[card.level]} ${card.areaName}, jadi tidak ada data kantor itu yang dapat dipulihkan dari sini. Coba minta ke Dinas kota/kabupaten.`,
    })
  }
  return { card, predecessors }
}

/**
 * The installations of the same office this one knows (from key cards and paket): the same level
 * and area, a Puskesmas also sharing a village (a kecamatan may have several Puskesmas).
 */
async function predecessorsFor(db: Db, card: Card): Promise<Checked['predecessors']> {
  const site = await requireSite(db)
  const out = new Map<string, Checked['predecessors'][number]>()
  const sameOffice = (level: string, areaCode: string, villages: readonly string[]) =>
    level === card.level && areaCode === card.areaCode && (card.level !== 'puskesmas' || villages.some((v) => card.villages.includes(v)))
  for (const r of await db.selectFrom('trusted_office').select(['card', 'fingerprint']).execute()) {
    const c = JSON.parse(r.card) as Card
    if (c.siteId !== card.siteId && c.siteId !== site.id && sameOffice(c.level, c.areaCode, c.villages)) out.set(c.siteId, { siteId: c.siteId, name: c.name, fingerprint: r.fingerprint })
  }
  for (const o of await db.selectFrom('office').select(['site_id', 'name', 'level', 'area_code', 'villages']).execute()) {
    if (out.has(o.site_id) || o.site_id === card.siteId || o.site_id === site.id) continue
    if (sameOffice(o.level, o.area_code, JSON.parse(o.villages) as string[])) out.set(o.site_id, { siteId: o.site_id, name: o.name, fingerprint: null })
  }
  // A second recovery of the same office: the installation recovered before is an old one now too.
  return [...out.values()].sort((a, b) => a.siteId.localeCompare(b.siteId))
}

/** Which office, and how many records the recovery paket would carry. Changes nothing. */
export async function checkRecovery(db: Db, input: ParsedInput<'paket:recoveryCheck'>): Promise<PaketRecoveryCheck> {
  const { card, predecessors } = await checkCard(db, input.cardPath, input.fingerprint)
  const sqlite = sqliteOf(db)
  const to = recoveryRecipient(card).areas
  const areas = routingResolver(sqlite)
  const counts: Record<string, number> = {}
  for (const table of REPLICATED_TABLES) counts[table] = routedRows(sqlite, table, null, areas, to).length
  return { office: cardInfo(card), predecessors: predecessors.map((p) => p.name), counts, records: Object.values(counts).reduce((a, b) => a + b, 0) }
}

/**
 * Makes the recovery paket. The decision (the new card trusted, the succession signed and, at the
 * kota, the old keys revoked) is one durable transaction before the paket is written: the old
 * PC is gone either way, and a paket that fails to write (a full stick) is simply made again,
 * with the same statement.
 */
export async function makeRecoveryPaket(
  db: Db,
  input: ParsedInput<'paket:recover'>,
  emit?: Emit,
  nowMs: number = Date.now(),
  outFile?: string,
): Promise<PaketRecoveryResult> {
  const site = await requireSite(db)
  const { card, predecessors } = await checkCard(db, input.cardPath, input.fingerprint)
  // Outside the transaction: the key vault comes with the database handle, not a transaction.
  const signing = (await ownKeys(db)).signing
  const now = new Date(nowMs).toISOString()
  let revoked = 0
  await withDurableCommit(db, () =>
    db.transaction().execute(async (trx) => {
      await trust(trx, card, 'kartu', now)
      const earlier = await trx
        .selectFrom('site_succession')
        .select('statement')
        .where('successor_site_id', '=', card.siteId)
        .where('issuer_site_id', '=', site.id)
        .executeTakeFirst()
      const statement: Succession = earlier
        ? (JSON.parse(earlier.statement) as Succession)
        : makeSuccession(
            {
              id: uuidv7(nowMs),
              level: card.level,
              areaCode: card.areaCode,
              predecessors: predecessors.map((p) => ({ siteId: p.siteId, fingerprint: p.fingerprint })),
              successor: card,
              issuedAt: now,
              issuerSiteId: site.id,
            },
            signing,
          )
      if (!earlier) await storeSuccession(trx, statement, now)
      if (site.level === 'kota') revoked = await retirePredecessors(trx, statement, site.id, signing, now)
    }),
  )
  const result = await exportPaketFile(db, { folder: input.folder, destination: `site:${card.siteId}`, full: true }, emit, nowMs, outFile, card)
  return { ...result, office: cardInfo(card), predecessors: predecessors.map((p) => p.name), revoked }
}
