// Attachments of a meeting, and the evidence of a follow-up (a photo after the repair, a scanned
// reply letter): the metadata row is replicated, the content lives in attachment_blob
// keyed by its SHA-256, inside the same SQLite file (one backup holds everything, and a pulled
// power cord never leaves a half-written file). The same photo attached twice is stored once.
// Blobs are never deleted here: a removed attachment is a tombstone that may come back, and
// another row (or another office's row) may name the same content.

import { createHash } from 'node:crypto'
import type { AttachmentInfo, ParsedInput } from '../../../../shared/contract'
import { MAX_ATTACHMENT_BYTES, type AttachmentKind } from '../../../../shared/domain/meeting'
import { AppError } from '../../../../shared/result'
import type { AttachmentTable, Db } from '../../db/schema'
import { insertRecord, tombstoneRecord } from '../../sync/write'
import { requireSite } from '../site/site.service'
import { invalidField, notFoundMeeting } from './errors'

const MB = 1024 * 1024

/** "12,3 MB", rounded up so a file just over the limit never reads as exactly the limit. */
function megabytes(bytes: number): string {
  return (Math.ceil((bytes / MB) * 10) / 10).toFixed(1).replace('.', ',')
}

function notFoundAttachment(): AppError {
  return new AppError({ code: 'not_found', message: 'Lampiran ini tidak ditemukan atau sudah dihapus. Muat ulang halaman ini.' })
}

/**
 * The file types an office attaches (photos, scans), known by their first bytes, not by the
 * name or the type the browser guessed from it: a text file renamed .jpg is not a photo, and
 * the stored type is what the thumbnails and the receiving offices trust.
 */
const SIGNATURES: readonly { mime: string; bytes: readonly number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [...Buffer.from('%PDF-')] },
]

/**
 * Below this no photo or scan is whole: the smallest valid PNG (one pixel) is 67 bytes, a JPEG
 * or PDF is larger still. A shorter file with the right first bytes is a cut-off copy.
 */
export const MIN_ATTACHMENT_BYTES = 64

/** The content's type from its signature; refuses what is not a JPEG, PNG or PDF, naming the file. */
export function contentType(data: Buffer, fileName: string): string {
  const match = SIGNATURES.find((s) => data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b))
  if (!match) {
    throw invalidField(
      'file',
      `Berkas "${fileName}" bukan foto atau pindaian yang dikenal: isinya bukan JPEG, PNG, atau PDF, walaupun namanya begitu. Pilih foto (JPG, PNG) atau pindaian PDF yang asli.`,
    )
  }
  if (data.length < MIN_ATTACHMENT_BYTES) {
    throw invalidField(
      'file',
      `Berkas "${fileName}" hanya ${data.length} byte: terlalu kecil untuk foto atau pindaian yang utuh, mungkin terpotong saat disalin. Salin ulang berkasnya lalu unggah lagi.`,
    )
  }
  return match.mime
}

/** The bytes of a base64 text (a "data:…;base64," prefix and line breaks are tolerated). */
function decode(dataBase64: string): Buffer {
  const body = dataBase64.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body)) {
    throw invalidField('file', 'Isi berkas tidak terbaca. Pilih berkasnya sekali lagi; jika tetap gagal, simpan ulang berkasnya lalu unggah lagi.')
  }
  // Node's base64 decoder also takes the URL-safe alphabet.
  return Buffer.from(body, 'base64')
}

function toInfo(r: Pick<AttachmentTable, 'id' | 'file_name' | 'kind' | 'mime' | 'size' | 'sha256' | 'created_at'>): AttachmentInfo {
  return { id: r.id, fileName: r.file_name, kind: r.kind as AttachmentKind, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at }
}

const INFO_COLUMNS = ['id', 'file_name', 'kind', 'mime', 'size', 'sha256', 'created_at'] as const

/** The attachments of a meeting or a follow-up that are not removed, newest first. */
async function attachmentsWhere(db: Db, column: 'meeting_id' | 'follow_up_id', id: string): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachment')
    .select(INFO_COLUMNS)
    .where(column, '=', id)
    .where('deleted', '=', 0)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toInfo)
}

export const attachmentsOf = (db: Db, meetingId: string) => attachmentsWhere(db, 'meeting_id', meetingId)
export const followUpAttachmentsOf = (db: Db, followUpId: string) => attachmentsWhere(db, 'follow_up_id', followUpId)

type Owner = { meeting_id: string; follow_up_id: null } | { meeting_id: null; follow_up_id: string }

/** Checks the file, then stores its content (once) and the row in one transaction. */
async function storeAttachment(
  db: Db,
  owner: Owner,
  file: { fileName: string; dataBase64: string; kind: AttachmentKind | ((mime: string) => AttachmentKind) },
  requireOwner: (trx: Db) => Promise<void>,
): Promise<AttachmentInfo> {
  const data = decode(file.dataBase64)
  if (data.length === 0) {
    throw invalidField('file', `Berkas "${file.fileName}" kosong (0 byte). Pilih berkas lain, atau simpan ulang berkasnya lalu unggah lagi.`)
  }
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw invalidField(
      'file',
      `Berkas ${megabytes(data.length)} MB terlalu besar. Paling besar ${MAX_ATTACHMENT_BYTES / MB} MB: kecilkan foto atau pindai dengan resolusi lebih rendah.`,
    )
  }
  const mime = contentType(data, file.fileName)
  const sha256 = createHash('sha256').update(data).digest('hex')
  const row = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    await requireOwner(trx)
    await trx.insertInto('attachment_blob').values({ sha256, data }).onConflict((oc) => oc.column('sha256').doNothing()).execute()
    const nowMs = Date.now()
    const values = {
      ...owner,
      file_name: file.fileName,
      kind: typeof file.kind === 'function' ? file.kind(mime) : file.kind,
      mime,
      size: data.length,
      sha256,
    }
    const id = await insertRecord(trx, 'attachment', values, { nowMs })
    // The instant insertRecord stamped as created_at.
    return { ...values, id, created_at: new Date(nowMs).toISOString() }
  })
  return toInfo(row)
}

export async function addAttachment(db: Db, input: ParsedInput<'meeting:addAttachment'>): Promise<AttachmentInfo> {
  return storeAttachment(db, { meeting_id: input.meetingId, follow_up_id: null }, input, async (trx) => {
    const meeting = await trx.selectFrom('meeting').select('deleted').where('id', '=', input.meetingId).executeTakeFirst()
    if (!meeting || meeting.deleted === 1) throw notFoundMeeting()
  })
}

/** Evidence of a follow-up: a photo is a foto, a PDF scan (a reply letter, a berita acara) is lainnya. */
export async function addFollowUpAttachment(db: Db, input: ParsedInput<'followUp:addAttachment'>): Promise<AttachmentInfo> {
  const kind = (mime: string): AttachmentKind => (mime.startsWith('image/') ? 'foto' : 'lainnya')
  return storeAttachment(db, { meeting_id: null, follow_up_id: input.followUpId }, { ...input, kind }, async (trx) => {
    const f = await trx.selectFrom('follow_up').select('deleted').where('id', '=', input.followUpId).executeTakeFirst()
    if (!f || f.deleted === 1) {
      throw new AppError({ code: 'not_found', message: 'Tindak lanjut ini tidak ditemukan. Buka kembali daftar tindak lanjut.' })
    }
  })
}

/** A follow-up closed as selesai keeps some evidence: its last file goes only if a written one remains. */
async function requireOtherEvidence(trx: Db, followUpId: string, attachmentId: string, fileName: string): Promise<void> {
  const f = await trx.selectFrom('follow_up').select(['status', 'closing_evidence']).where('id', '=', followUpId).executeTakeFirst()
  if (!f || f.status !== 'selesai' || f.closing_evidence) return
  const other = await trx
    .selectFrom('attachment')
    .select('id')
    .where('follow_up_id', '=', followUpId)
    .where('deleted', '=', 0)
    .where('id', '!=', attachmentId)
    .executeTakeFirst()
  if (!other) {
    throw new AppError({
      code: 'invalid_input',
      message: `"${fileName}" satu-satunya bukti penyelesaian tindak lanjut yang sudah selesai ini. Lampirkan bukti pengganti dulu, atau tulis buktinya lewat catatan perkembangan, lalu hapus berkas ini.`,
    })
  }
}

export async function removeAttachment(db: Db, input: ParsedInput<'meeting:removeAttachment'>): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const row = await trx
      .selectFrom('attachment')
      .select(['id', 'deleted', 'field_versions', 'site_id', 'follow_up_id', 'file_name'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!row || row.deleted === 1) throw notFoundAttachment()
    if (row.follow_up_id) await requireOtherEvidence(trx, row.follow_up_id, row.id, row.file_name)
    await tombstoneRecord(trx, 'attachment', row)
  })
  return { id: input.id }
}

export async function getAttachment(
  db: Db,
  input: ParsedInput<'meeting:attachment'>,
): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const row = await db
    .selectFrom('attachment')
    .leftJoin('attachment_blob', 'attachment_blob.sha256', 'attachment.sha256')
    .select(['attachment.file_name', 'attachment.mime', 'attachment_blob.data'])
    .where('attachment.id', '=', input.id)
    .where('attachment.deleted', '=', 0)
    .executeTakeFirst()
  if (!row) throw notFoundAttachment()
  if (!row.data) {
    // The metadata travels between offices; the content may not have arrived yet.
    throw new AppError({
      code: 'not_found',
      message: `Isi berkas "${row.file_name}" belum ada di komputer ini. Minta kantor yang mengunggahnya mengirim data terbaru, lalu coba lagi.`,
    })
  }
  return { fileName: row.file_name, mime: row.mime, dataBase64: Buffer.from(row.data).toString('base64') }
}
