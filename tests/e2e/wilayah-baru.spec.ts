// A new region started as three new users would (issue 6, "done when"): a kota, a Puskesmas and a
// kelurahan on three PCs (three web hosts, each with its own database), a folder as the USB stick,
// everything through the screens. The kota's paket pembinaan makes its key known below; each
// office's first paket makes its key known at the kota; the next paket pembinaan carries those
// keys down, so the kelurahan can lock paket for its Puskesmas and the Puskesmas opens them
// without asking. A fingerprint is confirmed once per pair of offices that meet, never again.

import { snap, type WebHost } from './fixtures'
import { test, expect, KELURAHAN, PUSKESMAS, KOTA } from './offices'
import { KaderPage } from './pages/KaderPage'
import { KunciPage } from './pages/KunciPage'
import { PaketPage } from './pages/PaketPage'
import { seriousViolations } from './axe'

const TO_PUSKESMAS = /^Puskesmas (belum pernah|terakhir dikirim)/
const TO_DINAS = /^Dinas kota\/kabupaten /
const PEMBINAAN = /^Paket pembinaan untuk semua kantor/
const NEW_KADER = { nik: '3671015203050999', name: 'Wulan Sari Lestari' }

type Office = 'kota' | 'puskesmas' | 'kelurahan'

test.describe('a new region', () => {
  test.setTimeout(300_000)

  test('starts from the kota’s paket pembinaan on three PCs; bundles flow with one fingerprint check per pair of offices', async ({ page, offices }) => {
    const p = new PaketPage(page)
    const k = new KunciPage(page)
    const host = (o: Office): WebHost => offices[o]
    /** How many times each receiving office was asked to confirm each sender's fingerprint ("kota>puskesmas": 1). */
    const asked = new Map<string, number>()
    const fingerprints = new Map<Office, string>()

    /** The fingerprint an office reads out over the phone, from its Pengaturan → Kunci kantor screen. */
    async function fingerprintOf(o: Office): Promise<string> {
      let fp = fingerprints.get(o)
      if (!fp) {
        await k.open(host(o).url)
        fp = await k.ownFingerprint()
        fingerprints.set(o, fp)
      }
      return fp
    }

    async function send(o: Office, destination: RegExp): Promise<string> {
      await p.open(host(o).url)
      return p.kirim(offices.usb, destination)
    }

    /**
     * Terima at `to`: the paket `file` from `from`, imported. When the screen asks for the
     * sender's fingerprint, the person compares it with what the sender reads out and ticks.
     */
    async function receive(to: Office, from: Office, file: string) {
      const fp = await fingerprintOf(from)
      await p.previewAt(host(to).url, offices.usb, file)
      const status = await p.senderKey.getAttribute('data-sender-key')
      if (status === 'unknown') {
        asked.set(`${from}>${to}`, (asked.get(`${from}>${to}`) ?? 0) + 1)
        await p.acceptAndImport(fp)
      } else {
        expect(status).toBe('trusted')
        await expect(p.senderKey).toContainText(`sidik jari ${fp}`)
        await expect(p.confirmFingerprint).toHaveCount(0)
        await p.importIt()
      }
      // Nothing a new region sends is beyond its sender's authority.
      if ((await p.imported.getByRole('table').count()) > 0) await expect(p.kindCount('Jumlah', 'Ditolak', p.imported)).toHaveText('0')
    }
    const timesAsked = (from: Office, to: Office) => asked.get(`${from}>${to}`) ?? 0

    /** An office's Beranda and its "Bergabung dengan wilayah" checklist (gone once every step is done). */
    const gabung = page.getByRole('region', { name: 'Bergabung dengan wilayah' })
    async function beranda(o: Office) {
      const url = new URL(host(o).url)
      url.hash = '#/'
      await page.goto(url.toString())
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
    }
    const step = (key: string) => gabung.locator(`[data-step="${key}"]`)

    // Before anything: the kelurahan knows no key but its own. It can lock a paket for nobody,
    // and its screen says why and where the keys come from.
    await p.open(offices.kelurahan.url)
    await expect(p.destination(TO_PUSKESMAS)).toBeDisabled()
    await expect(p.destination(TO_PUSKESMAS)).toHaveAccessibleDescription(/^Kartu kunci Puskesmas pembina belum dikenal kantor ini.*Impor paket pembinaan terbaru dari Dinas/)
    await expect(p.destination(TO_DINAS)).toBeDisabled()
    await expect(p.create).toBeDisabled()

    // Each office's Beranda says how it joins the region; nothing has happened yet.
    await beranda('kelurahan')
    await expect(gabung).toContainText('0 dari 3 langkah selesai')
    await expect(step('pembinaan')).toContainText('Impor paket pembinaan dari Dinas')
    await expect(step('pembinaan').getByRole('link', { name: 'Buka Terima' })).toHaveAttribute('href', '#/paket/terima')
    await beranda('kota')
    await expect(gabung).toContainText('0 dari 3 langkah selesai')
    await expect(step('pembinaanKirim')).toContainText('Buat paket pembinaan')

    // 1. The kota makes its paket pembinaan: no personal data, readable by every office.
    await p.open(offices.kota.url)
    await expect(p.destination(PEMBINAAN)).toBeChecked()
    await expect(p.destination(PEMBINAAN)).toHaveAccessibleDescription('Tidak terenkripsi: tanpa data orang, untuk semua kantor')
    const pembinaan1 = await p.kirim(offices.usb, PEMBINAAN)
    await expect(p.doneValue('Dapat dibuka oleh')).toHaveText('Semua kantor (tidak terenkripsi: tanpa data orang)')
    await expect(p.done).toContainText('Paket pembinaan boleh disalin ke setiap kantor di wilayah ini')

    // 2. The Puskesmas and the kelurahan import it: the first paket from the kota, so each asks once.
    await receive('puskesmas', 'kota', pembinaan1)
    await expect(p.senderKey).toContainText(`Kunci ${KOTA.name} sekarang dipercaya kantor ini`)
    await receive('kelurahan', 'kota', pembinaan1)
    expect(timesAsked('kota', 'puskesmas')).toBe(1)
    expect(timesAsked('kota', 'kelurahan')).toBe(1)

    // The import and the fingerprint matched on the phone tick themselves; the first paket is still to go.
    await beranda('kelurahan')
    await expect(gabung).toContainText('2 dari 3 langkah selesai')
    await expect(step('pembinaan')).toHaveAttribute('data-done', 'true')
    await expect(step('sidikJari')).toHaveAttribute('data-done', 'true')
    await expect(step('kirim')).toHaveAttribute('data-done', 'false')
    await expect(step('kirim').getByRole('link', { name: 'Buka Kirim' })).toHaveAttribute('href', '#/paket/kirim')
    expect(await seriousViolations(page), 'Beranda with the checklist half done').toEqual([])
    await snap(page, 'wilayah-gabung')
    await beranda('kota')
    await expect(gabung).toContainText('1 dari 3 langkah selesai')

    // The kelurahan can now lock a paket for the Dinas, not yet for its Puskesmas.
    await p.open(offices.kelurahan.url)
    await expect(p.destination(TO_DINAS)).toBeEnabled()
    await expect(p.destination(TO_DINAS)).toBeChecked()
    await expect(p.destination(TO_DINAS)).toHaveAccessibleDescription(`Dapat dibuka oleh: ${KOTA.name}`)
    await expect(p.destination(TO_PUSKESMAS)).toBeDisabled()
    await expect(p.destination(TO_PUSKESMAS)).toHaveAccessibleDescription(/^Kartu kunci Puskesmas pembina belum dikenal kantor ini/)
    await expect(p.create).toBeEnabled()
    expect(await seriousViolations(page), 'Kirim with an unavailable destination').toEqual([])
    await snap(page, 'wilayah-kirim-unavailable')

    // 3. Each office sends to the Dinas; the kota asks once for each of them.
    const kelurahanToKota = await send('kelurahan', TO_DINAS)
    await expect(p.doneValue('Dapat dibuka oleh')).toHaveText(KOTA.name)
    await expect(p.doneCount('Kader')).toHaveText('30')
    const puskesmasToKota = await send('puskesmas', TO_DINAS)
    await expect(p.doneValue('Dapat dibuka oleh')).toHaveText(KOTA.name)
    await receive('kota', 'kelurahan', kelurahanToKota)
    await expect(p.kindCount('Kader', 'Baru', p.imported)).toHaveText('30')
    await receive('kota', 'puskesmas', puskesmasToKota)
    expect(timesAsked('kelurahan', 'kota')).toBe(1)
    expect(timesAsked('puskesmas', 'kota')).toBe(1)

    // The kelurahan has joined: its checklist is gone. The kota has one step left.
    await beranda('kelurahan')
    await expect(page.locator('[data-gabung="done"]')).toHaveCount(1)
    await expect(gabung).toHaveCount(0)
    // Its area is known at the Dinas now: Pengaturan no longer offers to change it, and says what to do instead.
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengaturan' }).click()
    await expect(page.getByTestId('office-area-locked')).toContainText('Wilayah kantor tidak dapat diganti lagi')
    await expect(page.getByTestId('office-area-locked')).toContainText('Beri tahu Dinas')
    await expect(page.getByRole('button', { name: 'Ganti wilayah kantor' })).toHaveCount(0)
    await beranda('kota')
    await expect(gabung).toContainText('2 dari 3 langkah selesai')
    await expect(step('pembinaanLagi')).toHaveAttribute('data-done', 'false')

    // 4. The kota's next paket pembinaan carries the key cards it now knows.
    const pembinaan2 = await send('kota', PEMBINAAN)
    expect(pembinaan2).not.toBe(pembinaan1)
    await beranda('kota')
    await expect(page.locator('[data-gabung="done"]')).toHaveCount(1)
    await expect(gabung).toHaveCount(0)

    // 5. Both import it without a question: the kota is trusted already.
    await receive('puskesmas', 'kota', pembinaan2)
    // The kelurahan's paket for the Dinas lies on the same stick: locked for the Dinas, it can be
    // seen but not opened or imported at the Puskesmas.
    const locked = p.file(kelurahanToKota)
    await expect(locked).toHaveAttribute('data-locked', 'true')
    await expect(locked).toContainText(KELURAHAN.name)
    await expect(locked).toContainText('Bukan untuk kantor ini')
    await expect(locked).toContainText(`Paket ini dikunci untuk ${KOTA.name}, bukan untuk kantor ini`)
    await expect(locked).not.toContainText('Tidak dapat dibaca')
    await expect(p.viewButton(locked)).toHaveCount(0)
    expect(await seriousViolations(page), 'Terima with a bundle locked for another office').toEqual([])
    await locked.scrollIntoViewIfNeeded()
    await snap(page, 'wilayah-terima-locked')
    await receive('kelurahan', 'kota', pembinaan2)
    expect(timesAsked('kota', 'puskesmas')).toBe(1)
    expect(timesAsked('kota', 'kelurahan')).toBe(1)

    // Now the kelurahan can lock a paket for its Puskesmas (and the Dinas reads it too).
    await p.open(offices.kelurahan.url)
    await expect(p.destination(TO_PUSKESMAS)).toBeEnabled()
    await expect(p.destination(TO_PUSKESMAS)).toHaveAccessibleDescription(`Dapat dibuka oleh: ${PUSKESMAS.name}, ${KOTA.name}`)

    // 6. A kader recorded at the kelurahan travels up: kelurahan → Puskesmas → Dinas.
    const kd = new KaderPage(page)
    await kd.openRoster()
    await kd.addButton.click()
    await expect(kd.heading).toHaveText('Kader baru')
    await kd.nik.fill(NEW_KADER.nik)
    await page.getByRole('button', { name: 'Isi tanggal lahir dan jenis kelamin dari NIK' }).click()
    await kd.name.fill(NEW_KADER.name)
    await kd.birthPlace.fill('Tangerang')
    await kd.posyandu.selectOption({ index: 1 })
    await kd.spm('Kesehatan').check()
    await kd.save.click()
    await expect(kd.heading).toHaveText(NEW_KADER.name)

    const kelurahanToPuskesmas = await send('kelurahan', TO_PUSKESMAS)
    await expect(p.doneValue('Dapat dibuka oleh')).toHaveText(`${PUSKESMAS.name}, ${KOTA.name}`)
    await snap(page, 'wilayah-kirim-done')
    // The Puskesmas opens it without a question: the kelurahan's card came from the kota.
    await receive('puskesmas', 'kelurahan', kelurahanToPuskesmas)
    expect(timesAsked('kelurahan', 'puskesmas')).toBe(0)
    await expect(p.kindCount('Kader', 'Baru', p.imported)).toHaveText('31')

    const puskesmasToKota2 = await send('puskesmas', TO_DINAS)
    await receive('kota', 'puskesmas', puskesmasToKota2)
    await expect(p.kindCount('Kader', 'Baru', p.imported)).toHaveText('1')

    // Once per pair of offices that met, and never again.
    expect(Object.fromEntries(asked)).toEqual({ 'kota>puskesmas': 1, 'kota>kelurahan': 1, 'kelurahan>kota': 1, 'puskesmas>kota': 1 })

    // The new kader is on the Puskesmas's roster and the kota's.
    for (const o of ['puskesmas', 'kota'] as const) {
      const url = new URL(host(o).url)
      url.hash = '#/kader'
      await page.goto(url.toString())
      await expect(kd.heading).toHaveText('Kader')
      await kd.search.fill(NEW_KADER.name)
      await expect(kd.rowNamed(NEW_KADER.name)).toHaveCount(1)
    }
  })
})
