import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from '@playwright/test'
import type { KaderCompetency, KaderRow, PrintDocument, Training } from '../../shared/contract'
import { test, expect, snap, tempDir, type WebHost } from './fixtures'

test.use({ seed: 'roster' })

const A_AND_B = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']

async function roster(host: WebHost): Promise<KaderRow[]> {
  return (await host.invoke<{ total: number; rows: KaderRow[] }>('kader:list', { limit: 500 })).rows
}

/** The roster seed has 30 kader; a class of 40 needs ten more. */
async function addKader(host: WebHost, posyanduId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await host.invoke('kader:create', {
      // Kec. Tangerang (367101), a woman born 15 June 1990 (day + 40 = 55), serial 9000+.
      nik: `367101550690${9000 + i}`,
      name: `Peserta Tambahan ${i + 1}`,
      sex: 'P',
      birthDate: '1990-06-15',
      posyanduId,
      role: 'kader',
      spmFields: ['kesehatan'],
      status: 'aktif',
      statusDate: '2025-01-06',
    })
  }
}

/** The level as the card words it; the demo seed gives some kader a level and others none. */
async function levelName(host: WebHost, kaderId: string): Promise<string> {
  const { level } = await host.invoke<KaderCompetency>('competency:kader', { kaderId })
  return level ? `Kader ${level.charAt(0).toUpperCase()}${level.slice(1)}` : 'Belum ada tingkat'
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length
}

test.describe('printing', () => {
  test('the kartu kompetensi and a 40-kader daftar hadir print to real PDFs with Chromium', async ({ page, host }) => {
    const kader = await roster(host)
    await addKader(host, kader[0]!.posyanduId, 10)
    const everyone = await roster(host)
    expect(everyone).toHaveLength(40)
    const siti = everyone[0]!
    await host.invoke('competency:assessBulk', {
      date: '2025-03-10',
      method: 'observasi_praktik',
      assessor: { name: 'Bidan Yuli Astuti', nip: null, profession: 'Bidan', institution: 'Puskesmas Tangerang' },
      entries: A_AND_B.map((competencyCode) => ({ kaderId: siti.id, competencyCode, result: 'kompeten' })),
    })
    const training = await host.invoke<Training>('training:create', {
      title: 'Pelatihan Kader Dasar Angkatan I',
      kind: 'pelatihan',
      startDate: '2025-03-03',
      endDate: '2025-03-05',
      place: 'Aula Puskesmas Tangerang',
      organiser: 'Puskesmas Tangerang',
      competencies: ['C1', 'C2'],
      participantIds: everyone.map((k) => k.id),
    })
    expect(training.participants).toHaveLength(40)

    const card = await host.invoke<PrintDocument>('print:document', { kind: 'kartuKader', kaderId: siti.id })
    expect(card.fileName).toBe(`Kartu Kompetensi - ${siti.name}.pdf`)
    await page.setContent(card.html)
    await expect(page.locator('h1')).toHaveText('KARTU KOMPETENSI KADER POSYANDU')
    await expect(page.locator('.identity')).toContainText(siti.name)
    // A and B kompeten make at least Kader Purwa; the seed may have given more.
    const level = await levelName(host, siti.id)
    expect(['Kader Purwa', 'Kader Madya', 'Kader Utama']).toContain(level)
    await expect(page.locator('.identity .level')).toHaveText(level)
    await expect(page.locator('tr[data-code]')).toHaveCount(25)
    const cardPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(cardPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // The card is meant to be one sheet the Puskesmas signs.
    expect(pageCount(cardPdf)).toBe(1)

    const list = await host.invoke<PrintDocument>('print:document', { kind: 'daftarHadir', trainingId: training.id })
    await page.setContent(list.html)
    await expect(page.locator('h1')).toHaveText('DAFTAR HADIR')
    await expect(page.locator('tbody tr.participant')).toHaveCount(40)
    await expect(page.locator('thead th.day')).toHaveCount(3)
    await expect(page.locator('tbody td.sign')).toHaveCount(120)
    // Rows are tall enough to sign (≥ 10 mm ≈ 38 CSS px).
    const rowHeight = await page.locator('tbody tr.participant').first().evaluate((tr) => tr.getBoundingClientRect().height)
    expect(rowHeight).toBeGreaterThanOrEqual(38)
    const listPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(listPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pageCount(listPdf)).toBeGreaterThan(1)
  })

  test('the kader page opens a print preview of the card, inside a sandboxed frame', async ({ page, host, openApp }) => {
    const siti = (await roster(host))[0]!
    await openApp(`kader/${siti.id}`)
    await expect(page.locator('h1')).toHaveText(siti.name)

    const button = page.getByRole('button', { name: /kartu/i })
    await button.click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('heading')).toHaveText(`Pratinjau: Kartu Kompetensi Kader - ${siti.name}`)
    const frame = page.frameLocator('iframe.print-frame')
    await expect(frame.locator('.identity')).toContainText(siti.name)
    await expect(frame.locator('.identity .level')).toHaveText(await levelName(host, siti.id))
    await expect(page.locator('iframe.print-frame')).toHaveAttribute('sandbox', 'allow-same-origin allow-modals')
    // The page's own inline <style> applies under the app's Content-Security-Policy.
    await expect(frame.locator('h1')).toHaveCSS('text-align', 'center')
    // In the browser preview the browser's own print dialog offers "Save as PDF".
    await expect(dialog.getByRole('button', { name: 'Simpan PDF' })).toHaveCount(0)
    const complaints: string[] = []
    page.on('console', (m) => complaints.push(m.text()))
    await dialog.getByRole('button', { name: 'Cetak' }).click()
    // Chromium refuses print() in a sandboxed frame without allow-modals, and says so on the console.
    await page.waitForTimeout(500)
    expect(complaints.filter((c) => /print|sandbox/i.test(c))).toEqual([])
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Cetak' })).toBeFocused()
    await snap(page, 'print-preview-card')

    // Esc closes the preview even when the page inside the frame has the focus.
    await frame.locator('h1').click()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(button).toBeFocused()
  })

  test('every preview fits its sheet in the window at 1366 × 768, landscape daftar hadir scaled down, and prints at full size', async ({
    page,
    host,
    openApp,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    const kader = await roster(host)
    const threeDays = await host.invoke<Training>('training:create', {
      title: 'Pelatihan Kader Tiga Hari',
      kind: 'pelatihan',
      startDate: '2025-03-03',
      endDate: '2025-03-05',
      competencies: ['C1'],
      participantIds: kader.slice(0, 12).map((k) => k.id),
    })
    const oneDay = await host.invoke<Training>('training:create', {
      title: 'Bimtek Satu Hari',
      kind: 'bimtek',
      startDate: '2025-04-07',
      endDate: '2025-04-07',
      competencies: ['A2'],
      participantIds: kader.slice(0, 5).map((k) => k.id),
    })
    const meeting = await host.invoke<{ id: string }>('meeting:create', {
      level: 'kelurahan',
      kind: 'rapat_koordinasi',
      title: 'Rapat koordinasi Maret',
      date: '2025-03-10',
      place: 'Aula Kelurahan',
      agenda: [{ title: 'Pembukaan', minutes: 'Dibuka oleh **Lurah**.' }],
      attendees: [{ name: 'Hj. Nurhayati', institution: 'TP PKK', present: true }],
    })
    const previews: [string, string, 'portrait' | 'landscape'][] = [
      [`kader/${kader[0]!.id}`, 'Cetak kartu kompetensi', 'portrait'],
      [`pelatihan/${oneDay.id}`, 'Cetak daftar hadir', 'portrait'],
      [`pelatihan/${threeDays.id}`, 'Cetak daftar hadir', 'landscape'],
      [`rapat/${meeting.id}`, 'Cetak notulen', 'portrait'],
    ]
    for (const [path, button, orientation] of previews) {
      await openApp(path)
      await page.getByRole('button', { name: button }).click()
      const dialog = page.getByRole('dialog')
      const frameEl = dialog.locator('iframe.print-frame')
      await expect(frameEl).toHaveAttribute('data-scale', /\d/)
      const frame = page.frameLocator('iframe.print-frame')
      await expect(frame.locator('body')).toHaveClass(orientation)
      // Nothing of the sheet is out of sight sideways: no horizontal scrolling inside the frame.
      const fit = await frame.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }))
      expect(fit.scroll, `${path}: the sheet is wider than the preview`).toBeLessThanOrEqual(fit.client)
      const scale = Number(await frameEl.getAttribute('data-scale'))
      if (orientation === 'landscape') expect(scale).toBeLessThan(1)
      else expect(scale).toBe(1)
      // The scale is for the screen only: printed, the sheet keeps its A4 size.
      await page.emulateMedia({ media: 'print' })
      expect(await frame.locator('html').evaluate((html) => html.ownerDocument.defaultView!.getComputedStyle(html).zoom)).toBe('1')
      await page.emulateMedia({ media: 'screen' })
      if (orientation === 'landscape') await snap(page, 'print-preview-landscape-1366')
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
    }
  })

  // The desktop host's printToPDF path needs the Electron binary (see electron.spec.ts).
  test('the desktop app saves the card as a PDF where the person chose', async () => {
    test.skip(process.env.SIMPUL_ELECTRON_SMOKE !== '1', 'needs the Electron binary (set SIMPUL_ELECTRON_SMOKE=1 where it is installed)')
    test.setTimeout(180_000)
    const dir = tempDir('simpul-electron-print-')
    const target = join(dir, 'kartu.pdf')
    const app = await electron.launch({ args: [resolve('out/main/index.js')], env: { ...process.env, SIMPUL_USER_DATA: join(dir, 'data') } })
    try {
      // The save dialog is the operating system's: answer it as a person choosing `target` would.
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog
      }, target)
      const window = await app.firstWindow()
      const saved = await window.evaluate(async () => {
        type Answer = { ok: boolean; value?: unknown; error?: unknown }
        const api = (window as unknown as { simpul: { invoke(c: string, i: unknown): Promise<Answer> } }).simpul
        const value = async <T>(channel: string, input: unknown): Promise<T> => {
          const r = await api.invoke(channel, input)
          if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
          return r.value as T
        }
        await value('site:setup', { level: 'kelurahan', areaCode: '36.71.01.1001', name: 'Kelurahan Sukarasa', coveredVillageCodes: [] })
        const posyandu = await value<{ id: string }>('posyandu:create', { name: 'Posyandu Melati 01', villageCode: '36.71.01.1001', spmFields: ['kesehatan'] })
        const kader = await value<{ kader: { id: string } }>('kader:create', {
          nik: '3671015506909000', name: 'Siti Aminah', sex: 'P', birthDate: '1990-06-15', posyanduId: posyandu.id,
          role: 'kader', spmFields: ['kesehatan'], status: 'aktif', statusDate: '2025-01-06',
        })
        return value('print:savePdf', { kind: 'kartuKader', kaderId: kader.kader.id })
      })
      expect(saved).toEqual({ path: target })
      expect(existsSync(target)).toBe(true)
      expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    } finally {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
