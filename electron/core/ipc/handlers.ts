// Wires each contract channel to its service. One line per channel; services take the
// database as their first argument and never see the transport.
// The window's first screens need only the small services, imported here. The rest (spreadsheets,
// print templates, paket and keys, with the libraries beneath them) load on their first call:
// the app window, the bridge and every CLI command load this table at start.

import { appInfo } from '../features/app/app.service'
import { childAreas, getArea, searchAreas } from '../features/area/area.service'
import { berandaSummary, followUpCounts, gabungChecklist } from '../features/beranda/beranda.service'
import { backupBefore, listBackups, makeBackup } from '../features/cadangan/cadangan.service'
import {
  archiveKader,
  checkNik,
  createKader,
  getKader,
  listKader,
  restoreKader,
  updateKader,
} from '../features/kader/kader.service'
import { createPosyandu, getPosyandu, listPosyandu, listPuskesmasOptions, updatePosyandu } from '../features/posyandu/posyandu.service'
import { createPustu, listPustu, updatePustu } from '../features/posyandu/pustu.service'
import { installCatalogue } from '../features/competency/catalogue-install.service'
import { previewLevelRule, saveLevelRule } from '../features/competency/level-rule.service'
import { getCatalogueInfo } from '../features/competency/catalogue.service'
import {
  assess,
  assessBulk,
  competencyMatrix,
  competencyRows,
  competencySummary,
  getKaderCompetency,
} from '../features/competency/competency.service'
import { trainingNeeds } from '../features/competency/needs.service'
import {
  addFollowUpProgress,
  createFollowUp,
  getFollowUp,
  listFollowUps,
  opdBoard,
  updateFollowUp,
} from '../features/follow-up/follow-up.service'
import {
  addAttachment,
  archiveMeeting,
  createMeeting,
  getAttachment,
  getMeeting,
  listMeetings,
  removeAttachment,
  updateMeeting,
} from '../features/meeting/meeting.service'
import { addFollowUpAttachment } from '../features/meeting/attachment.service'
import { createOpd, listOpd, updateOpd } from '../features/opd/opd.service'
import { kunciState, readCard, revokeKey, rotateKeys, saveCard, trustCard } from '../features/kunci/kunci.service'
import { getRekap } from '../features/rekap/rekap.service'
import { search } from '../features/search/search.service'
// Loaded at open anyway (the default equipment list is seeded there).
import { createSarana, createSaranaItem, listSarana, listSaranaItems, removeSarana, saranaKitGaps, updateSarana, updateSaranaItem } from '../features/sarana/sarana.service'
import { getSettings, setSettings } from '../features/settings/settings.service'
import {
  archiveTraining,
  createTraining,
  getTraining,
  listTrainings,
  saveTrainingResults,
  updateTraining,
} from '../features/training/training.service'
import { AppError } from '../../../shared/result'
import { acknowledgeRenewal, changeSiteArea, getSite, listSiteVillages, setupSite } from '../features/site/site.service'
import type { Handlers } from './types'

const kaderImpor = () => import('../features/kader-impor/kader-impor.service')
const ekspor = () => import('../features/ekspor/ekspor.service')
const print = () => import('../features/print/print.service')
const insentif = () => import('../features/insentif/insentif.service')
const paket = () => import('../features/paket/paket.service')
const conflict = () => import('../features/paket/conflict.service')
const flashdisk = () => import('../features/cadangan/flashdisk')
const kode = () => import('../features/cadangan/kode')
// Opened on request, below a record's page; it names offices as the conflict list does.
const riwayat = () => import('../features/riwayat/riwayat.service')

export const handlers = {
  'app:info': (ctx) => appInfo(ctx.db),

  'settings:get': (ctx) => getSettings(ctx.db),
  'settings:set': (ctx, input) => setSettings(ctx.db, input),

  'site:get': (ctx) => getSite(ctx.db),
  'site:setup': (ctx, input) => setupSite(ctx.db, input),
  'site:changeArea': (ctx, input) => changeSiteArea(ctx.db, input),
  'site:villages': (ctx) => listSiteVillages(ctx.db),
  'site:acknowledgeRenewal': (ctx) => acknowledgeRenewal(ctx.db),

  'area:search': (ctx, input) => searchAreas(ctx.db, input),
  'area:children': (ctx, input) => childAreas(ctx.db, input),
  'area:get': (ctx, input) => getArea(ctx.db, input),

  'beranda:summary': (ctx) => berandaSummary(ctx.db),
  'beranda:followUps': (ctx) => followUpCounts(ctx.db),
  'beranda:gabung': (ctx) => gabungChecklist(ctx.db),

  'posyandu:list': (ctx, input) => listPosyandu(ctx.db, input),
  'posyandu:get': (ctx, input) => getPosyandu(ctx.db, input),
  'posyandu:create': (ctx, input) => createPosyandu(ctx.db, input),
  'posyandu:update': (ctx, input) => updatePosyandu(ctx.db, input),
  'posyandu:puskesmasOptions': (ctx) => listPuskesmasOptions(ctx.db),
  'pustu:list': (ctx, input) => listPustu(ctx.db, input),
  'pustu:create': (ctx, input) => createPustu(ctx.db, input),
  'pustu:update': (ctx, input) => updatePustu(ctx.db, input),

  'kader:list': (ctx, input) => listKader(ctx.db, input),
  'kader:get': (ctx, input) => getKader(ctx.db, input),
  'kader:checkNik': (ctx, input) => checkNik(ctx.db, input),
  'kader:create': (ctx, input) => createKader(ctx.db, input),
  'kader:update': (ctx, input) => updateKader(ctx.db, input),
  'kader:archive': (ctx, input) => archiveKader(ctx.db, input),
  'kader:restore': (ctx, input) => restoreKader(ctx.db, input),
  'kaderImpor:read': async (ctx, input) => (await kaderImpor()).readRosterLayout(ctx.db, input),
  'kaderImpor:preview': async (ctx, input) => (await kaderImpor()).previewRosterImport(ctx.db, input),
  'kaderImpor:apply': async (ctx, input) => (await kaderImpor()).applyRosterImport(ctx.db, input),
  'ekspor:xlsx': async (ctx, input) => (await ekspor()).exportXlsx(ctx.db, input),

  'competency:catalogue': (ctx) => getCatalogueInfo(ctx.db),
  'competency:installCatalogue': async (ctx, input) => {
    await backupBefore(ctx.db, 'pasang-katalog')
    return installCatalogue(ctx.db, input)
  },
  'competency:previewLevelRule': (ctx, input) => previewLevelRule(ctx.db, input),
  'competency:saveLevelRule': async (ctx, input) => {
    await backupBefore(ctx.db, 'pasang-katalog')
    return saveLevelRule(ctx.db, input)
  },
  'competency:kader': (ctx, input) => getKaderCompetency(ctx.db, input),
  'competency:assess': (ctx, input) => assess(ctx.db, input),
  'competency:assessBulk': (ctx, input) => assessBulk(ctx.db, input),
  'competency:matrix': (ctx, input) => competencyMatrix(ctx.db, input),
  'competency:rows': (ctx, input) => competencyRows(ctx.db, input),
  'competency:summary': (ctx, input) => competencySummary(ctx.db, input),
  'competency:needs': (ctx, input) => trainingNeeds(ctx.db, input),

  'training:list': (ctx, input) => listTrainings(ctx.db, input),
  'training:get': (ctx, input) => getTraining(ctx.db, input),
  'training:create': (ctx, input) => createTraining(ctx.db, input),
  'training:update': (ctx, input) => updateTraining(ctx.db, input),
  'training:results': (ctx, input) => saveTrainingResults(ctx.db, input),
  'training:archive': (ctx, input) => archiveTraining(ctx.db, input),

  'print:document': async (ctx, input) => (await print()).printDocument(ctx.db, input),
  'print:savePdf': async (ctx, input) => {
    if (!ctx.host) {
      throw new AppError({
        code: 'unsupported',
        message: 'Menyimpan PDF langsung hanya ada di aplikasi desktop. Di pratinjau peramban, pakai tombol Cetak lalu pilih "Simpan sebagai PDF".',
      })
    }
    return ctx.host.savePdf(await (await print()).printDocument(ctx.db, input))
  },

  'opd:list': (ctx, input) => listOpd(ctx.db, input),
  'opd:create': (ctx, input) => createOpd(ctx.db, input),
  'opd:update': (ctx, input) => updateOpd(ctx.db, input),

  'meeting:list': (ctx, input) => listMeetings(ctx.db, input),
  'meeting:get': (ctx, input) => getMeeting(ctx.db, input),
  'meeting:create': (ctx, input) => createMeeting(ctx.db, input),
  'meeting:update': (ctx, input) => updateMeeting(ctx.db, input),
  'meeting:archive': (ctx, input) => archiveMeeting(ctx.db, input),
  'meeting:addAttachment': (ctx, input) => addAttachment(ctx.db, input),
  'meeting:removeAttachment': (ctx, input) => removeAttachment(ctx.db, input),
  'meeting:attachment': (ctx, input) => getAttachment(ctx.db, input),
  'followUp:addAttachment': (ctx, input) => addFollowUpAttachment(ctx.db, input),

  'followUp:list': (ctx, input) => listFollowUps(ctx.db, input),
  'followUp:get': (ctx, input) => getFollowUp(ctx.db, input),
  'followUp:create': (ctx, input) => createFollowUp(ctx.db, input),
  'followUp:update': (ctx, input) => updateFollowUp(ctx.db, input),
  'followUp:progress': (ctx, input) => addFollowUpProgress(ctx.db, input),
  'followUp:board': (ctx) => opdBoard(ctx.db),

  'paket:state': async (ctx) => (await paket()).paketState(ctx.db),
  'paket:drives': async (ctx) => (await paket()).paketDrives(ctx.db),
  'paket:export': async (ctx, input) => (await paket()).exportPaket(ctx.db, input, ctx.emit),
  'paket:scan': async (ctx, input) => (await paket()).scanFolder(ctx.db, input),
  'paket:preview': async (ctx, input) => (await paket()).previewPaket(ctx.db, input, ctx.emit),
  'paket:import': async (ctx, input) => (await paket()).importPaket(ctx.db, input, ctx.emit),
  'paket:history': async (ctx) => (await paket()).paketHistory(ctx.db),
  'paket:conflicts': async (ctx, input) => (await conflict()).listConflicts(ctx.db, input),
  'paket:resolveConflict': async (ctx, input) => (await conflict()).resolveConflict(ctx.db, input),
  'paket:duplicates': async (ctx, input) => (await conflict()).listDuplicates(ctx.db, input),
  'paket:resolveDuplicate': async (ctx, input) => (await conflict()).resolveDuplicate(ctx.db, input),
  'paket:recoveryCheck': async (ctx, input) => (await paket()).recoveryCheck(ctx.db, input),
  'paket:recover': async (ctx, input) => (await paket()).recoverOffice(ctx.db, input, ctx.emit),
  'paket:chooseFolder': async (ctx) => {
    if (!ctx.host) {
      throw new AppError({
        code: 'unsupported',
        message: 'Memilih folder lewat jendela hanya ada di aplikasi desktop. Ketik alamat foldernya, mis. E:\\ atau /media/flashdisk.',
      })
    }
    return ctx.host.chooseFolder()
  },
  'app:chooseFile': async (ctx) => {
    if (!ctx.host) {
      throw new AppError({
        code: 'unsupported',
        message: 'Memilih berkas lewat jendela hanya ada di aplikasi desktop. Ketik alamat lengkap berkasnya, mis. D:\\Data\\kader.xlsx.',
      })
    }
    return ctx.host.chooseFile()
  },

  'kunci:state': (ctx) => kunciState(ctx.db),
  'kunci:saveCard': (ctx, input) => saveCard(ctx.db, input),
  'kunci:readCard': (ctx, input) => readCard(ctx.db, input),
  'kunci:trustCard': (ctx, input) => trustCard(ctx.db, input),
  'kunci:revoke': (ctx, input) => revokeKey(ctx.db, input),
  'kunci:rotate': (ctx) => rotateKeys(ctx.db),

  'rekap:get': (ctx, input) => getRekap(ctx.db, input),

  'cadangan:list': (ctx) => listBackups(ctx.db),
  'cadangan:create': (ctx) => makeBackup(ctx.db, { reason: 'manual' }),
  'cadangan:state': async (ctx) => (await flashdisk()).cadanganState(ctx.db, { desktop: Boolean(ctx.host) }),
  'cadangan:copy': async (ctx, input) => (await flashdisk()).copyToFolder(ctx.db, input.folder, { askIfNotRemovable: input.askIfNotRemovable }),
  'cadangan:code': async (ctx) => ({ code: await (await kode()).recoveryCode(ctx.db) }),
  'cadangan:confirmCode': async (ctx) => {
    await (await kode()).confirmCode(ctx.db)
    return (await flashdisk()).cadanganState(ctx.db, { desktop: Boolean(ctx.host) })
  },

  'cadangan:findCopies': async (_ctx, input) => (await flashdisk()).findCopies(input.folder),
  // The host swaps the database file (host/host-session.ts); a dispatcher alone holds it open.
  'cadangan:restoreCopy': async () => {
    throw new AppError({
      code: 'unsupported',
      message: 'Memulihkan dari salinan flashdisk hanya dapat dilakukan saat pertama kali memasang aplikasi atau di layar berkas rusak. Untuk memulihkan data kantor yang sedang dipakai: tutup aplikasi, lalu jalankan npm run simpul -- cadangan pulihkan --db BERKAS SALINAN --kode KODE.',
    })
  },

  // The host moves the database file aside (host/host-session.ts); a dispatcher alone holds it open.
  'site:startNewIdentity': async () => {
    throw new AppError({
      code: 'unsupported',
      message: 'Identitas baru hanya dapat dimulai dari aplikasi (Pengaturan → Identitas kantor). Dengan aplikasi tertutup: pindahkan berkas data ke folder lain (jangan dihapus), lalu buka aplikasi lagi.',
    })
  },

  'search:query': (ctx, input) => search(ctx.db, input),

  // A database that opened is sound: the recovery calls are served by the host's recovery mode
  // (host/host-session.ts) instead of this table while the file is damaged.
  'berkasRusak:status': async () => ({ damaged: false }),
  'berkasRusak:restore': async () => {
    throw notDamaged()
  },
  'berkasRusak:startFresh': async () => {
    throw notDamaged()
  },
  'riwayat:list': async (ctx, input) => (await riwayat()).listRiwayat(ctx.db, input),

  'sarana:items': async (ctx, input) => listSaranaItems(ctx.db, input),
  'sarana:itemCreate': async (ctx, input) => createSaranaItem(ctx.db, input),
  'sarana:itemUpdate': async (ctx, input) => updateSaranaItem(ctx.db, input),
  'sarana:list': async (ctx, input) => listSarana(ctx.db, input),
  'sarana:create': async (ctx, input) => createSarana(ctx.db, input),
  'sarana:update': async (ctx, input) => updateSarana(ctx.db, input),
  'sarana:remove': async (ctx, input) => removeSarana(ctx.db, input),
  'sarana:kitGaps': async (ctx) => saranaKitGaps(ctx.db),

  'insentif:list': async (ctx, input) => (await insentif()).listInsentif(ctx.db, input),
  'insentif:create': async (ctx, input) => (await insentif()).createInsentif(ctx.db, input),
  'insentif:update': async (ctx, input) => (await insentif()).updateInsentif(ctx.db, input),
  'insentif:remove': async (ctx, input) => (await insentif()).removeInsentif(ctx.db, input),
} satisfies Handlers

function notDamaged(): AppError {
  return new AppError({ code: 'unsupported', message: 'Basis data dalam keadaan baik, jadi tidak ada yang perlu dipulihkan. Muat ulang aplikasi.' })
}
