// Spreadsheets in and out, as a kelurahan admin does it in the browser: a messy roster built
// here with ExcelJS the way offices keep them (a second sheet of notes, merged title rows, a
// column-number row, a blank row, a total row, a NIK Excel turned into a number and cut to 15
// digits, dates written three ways, a misspelt Posyandu and one not registered yet) goes through
// Impor dari Excel; the same file again updates instead of doubling; the roster comes back out
// through Ekspor ke Excel and is read again with ExcelJS. One test walks the wizard with the
// keyboard only. axe checks every step.

import ExcelJS from 'exceljs'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { KaderRow, Posyandu } from '../../shared/contract'
import { test, expect, snap, tempDir, type WebHost } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { KaderPage } from './pages/KaderPage'
import { seriousViolations } from './axe'

test.use({ seed: 'roster' })

/** The misspelt name of "Posyandu Sedap Malam 01" and a Posyandu the register does not have yet. */
const MISSPELT = 'Psy. Sedap Malem 1'
const NOT_REGISTERED = 'Posyandu Anggrek 04'
const SEDAP_MALAM = 'Posyandu Sedap Malam 01'
const CEMPAKA = 'Posyandu Cempaka 02'

/** The kader of the file, by the sheet row they are on (rows 1–5: titles, blank, headings, numbering). */
const KADER = {
  yohana: { row: 6, name: 'Yohana Kristiani Manurung', nik: '3671014506850901' },
  rina: { row: 7, name: 'Rina Marlina Siregar', nik: '3671015203900902' },
  dewi: { row: 8, name: 'Dewi Lestari Nasution', nik: '3671014708880903' },
  budi: { row: 9, name: 'Budi Santoso Wibisono' },
  ani: { row: 11, name: 'Ani Suryani Harahap', nik: '3671016102920905' },
}

/**
 * A roster as a kelurahan keeps it. Row 9's NIK was typed into a number cell: Excel keeps 15
 * significant digits, so 3671011007801234 became 3671011007801230 (shown as 3,67101E+15).
 */
async function writeMessyRoster(file: string) {
  const wb = new ExcelJS.Workbook()
  const notes = wb.addWorksheet('Petunjuk')
  notes.getCell('A1').value = 'Isi satu baris per kader. NIK ditulis lengkap 16 angka.'
  const ws = wb.addWorksheet('Data Kader')
  ws.mergeCells('A1:L1')
  ws.getCell('A1').value = 'DAFTAR KADER POSYANDU'
  ws.mergeCells('A2:L2')
  ws.getCell('A2').value = 'KELURAHAN SUKARASA KECAMATAN TANGERANG TAHUN 2025'
  ws.getRow(4).values = ['No', 'Nama Lengkap', 'NIK', 'L/P', 'Tempat/Tgl Lahir', 'Alamat', 'RT/RW', 'No. HP', 'Posyandu', 'Jabatan', 'No SK', 'Tgl SK']
  ws.getRow(5).values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
  ws.getRow(6).values = [1, KADER.yohana.name, KADER.yohana.nik, 'P', 'Tangerang, 05-06-1985', 'Jl. Mawar No. 3', '003/005', '0812 3456 7890', CEMPAKA, 'Kader', '140/12/2024', new Date(Date.UTC(2024, 0, 15))]
  // A NIK in a number cell that Excel could not have cut (it does not end in 0) is kept.
  ws.getRow(7).values = [2, KADER.rina.name, Number(KADER.rina.nik), 'Perempuan', 'Tangerang, 12 Maret 1990', 'Jl. Melati 7', '3/5', '+62 813-1111-2222', 'POSYANDU CEMPAKA 2', 'Anggota', '140/12/2024', 45306]
  // The NIK says a woman; the sex column says L: saved, with a warning.
  ws.getRow(8).values = [3, KADER.dewi.name, KADER.dewi.nik, 'L', 'Jakarta, 07/08/1988', 'Gg. Kenanga 2', '002/005', '081311112223', MISSPELT, 'Kader', null, null]
  ws.getRow(9).values = [4, KADER.budi.name, 3671011007801230, 'L', 'Tangerang, 10-07-1980', 'Jl. Dahlia 1', '001/005', '0813 2222 3333', CEMPAKA, 'Kader', null, null]
  ws.getCell('C9').numFmt = '0.00E+00'
  // Row 10 is blank.
  ws.getRow(11).values = [5, KADER.ani.name, KADER.ani.nik, 'P', 'Tangerang, 21-02-1992', 'Jl. Anggrek 4', '004/005', '0857 1234 5678', NOT_REGISTERED, 'Kader', null, null]
  ws.getRow(12).values = [null, 'Jumlah', '5 kader']
  await wb.xlsx.writeFile(file)
}

async function rosterTotal(host: WebHost): Promise<number> {
  return (await host.invoke<{ total: number }>('kader:list', { limit: 1 })).total
}

async function kaderNamed(host: WebHost, name: string): Promise<KaderRow[]> {
  return (await host.invoke<{ rows: KaderRow[] }>('kader:list', { query: name, limit: 10 })).rows
}

test.describe('spreadsheets in and out', () => {
  test.setTimeout(180_000)
  let dir = ''
  let roster = ''

  test.beforeEach(async () => {
    dir = tempDir('simpul-excel-')
    roster = join(dir, 'Daftar Kader Sukarasa.xlsx')
    await writeMessyRoster(roster)
  })
  test.afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  test('a kelurahan admin imports a messy roster, fixes what it says, and importing it again updates the same kader', async ({
    page,
    openApp,
    host,
  }) => {
    const imp = new ImportPage(page)
    const k = new KaderPage(page)
    const register = await host.invoke<Posyandu[]>('posyandu:list', { includeInactive: true })
    const sedapMalam = register.find((p) => p.name === SEDAP_MALAM)
    if (!sedapMalam) throw new Error(`the roster seed has no "${SEDAP_MALAM}"`)

    await openApp('kader')
    await k.expectTotal('30 kader')
    await page.getByRole('link', { name: 'Impor dari Excel' }).click()
    await expect(imp.heading).toHaveText('Impor daftar kader dari Excel')
    await expect(imp.currentStep).toContainText('Pilih berkas')
    expect(await seriousViolations(page)).toEqual([])

    // A path that is not there is said next to the field.
    await imp.file.fill(join(dir, 'tidak-ada.xlsx'))
    await imp.read.click()
    await expect(imp.file).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#impor-file-error')).toBeVisible()
    await expect(imp.file).toBeFocused()

    // Step 2: the roster sheet (not the notes), the heading row under the titles, the columns matched.
    await imp.file.fill(roster)
    await imp.read.click()
    await expect(imp.currentStep).toContainText('Lembar dan kolom')
    await expect(imp.stepHeading).toBeFocused()
    await expect(page.getByText('Berkas: Daftar Kader Sukarasa.xlsx')).toBeVisible()
    await expect(imp.sheet).toHaveValue('Data Kader')
    await expect(imp.headerRow).toHaveValue('4')
    await expect(imp.columnField('A', 'No')).toHaveValue('')
    await expect(imp.columnField('B', 'Nama Lengkap')).toHaveValue('name')
    await expect(imp.columnField('C', 'NIK')).toHaveValue('nik')
    await expect(imp.columnField('D', 'L/P')).toHaveValue('sex')
    await expect(imp.columnField('E', 'Tempat/Tgl Lahir')).toHaveValue('birthPlaceDate')
    await expect(imp.columnField('I', 'Posyandu')).toHaveValue('posyandu')
    await expect(imp.columnField('J', 'Jabatan')).toHaveValue('role')
    await expect(imp.columns.getByRole('row').filter({ hasText: 'Nama Lengkap' })).toContainText(KADER.yohana.name)
    expect(await seriousViolations(page)).toEqual([])
    await snap(page, 'impor-2-kolom')

    // Choosing a field twice is refused before asking the core.
    await imp.columnField('A', 'No').selectOption('name')
    await imp.toPreview.click()
    await expect(page.getByRole('alert').filter({ hasText: 'Nama dipilih untuk lebih dari satu kolom (A, B)' })).toBeVisible()
    await expect(imp.columnField('A', 'No')).toBeFocused()
    await imp.columnField('A', 'No').selectOption('')

    // Step 3: every row checked, nothing saved yet.
    await imp.toPreview.click()
    await expect(imp.currentStep).toContainText('Periksa dan simpan')
    await expect(imp.stepHeading).toBeFocused()
    // Budi's NIK, and the two rows whose Posyandu is not decided yet.
    await expect(imp.count('Bermasalah')).toContainText('3')
    await expect(imp.count('Baris kosong')).toContainText('1')
    expect(await rosterTotal(host)).toBe(30)

    // The NIK Excel cut is an error at its cell, described to assistive technology; the row is skipped.
    const budiNik = imp.cell(KADER.budi.row, 'nik')
    await expect(budiNik).toHaveClass(/has-error/)
    await expect(budiNik.locator('.impor-problem-error')).toContainText('NIK')
    await expect(budiNik).toHaveAccessibleDescription(/NIK/)
    await expect(imp.row(KADER.budi.row)).toContainText('Dilewati')
    // A NIK that disagrees with the sex column: saved, with an amber warning at the cell.
    await expect(imp.cell(KADER.dewi.row, 'sex')).toHaveClass(/has-warning/)
    await expect(imp.cell(KADER.dewi.row, 'sex').locator('.impor-problem-warning')).toBeVisible()
    // Values as they will be saved: the NIK from a number cell, a date written in words, a +62 phone.
    await expect(imp.cell(KADER.rina.row, 'nik')).toContainText(KADER.rina.nik)
    await expect(imp.cell(KADER.rina.row, 'birth')).toContainText('12 Maret 1990')
    await expect(imp.cell(KADER.rina.row, 'phone')).toContainText('0813-1111-2222')
    await expect(imp.cell(KADER.rina.row, 'posyandu')).toContainText(CEMPAKA)

    // The misspelt Posyandu waits for a choice: its rows cannot be saved yet.
    await expect(imp.posyandu(CEMPAKA)).not.toHaveValue('')
    await expect(imp.posyandu(MISSPELT)).toHaveValue('')
    await expect(imp.posyandu(MISSPELT)).toHaveAccessibleDescription(/Belum dipilih/)
    await expect(imp.cell(KADER.dewi.row, 'posyandu')).toHaveClass(/has-error/)
    // It is a letter off a registered name: that one is offered, not taken.
    const near = page.getByRole('group', { name: `Maksud Anda ${SEDAP_MALAM}?` })
    await expect(near).toBeVisible()
    await expect(near.getByRole('button', { name: 'Bukan, buat Posyandu baru' })).toBeVisible()
    // Two spellings of one Posyandu are one line, naming the other spelling.
    await expect(page.getByRole('rowheader', { name: /Posyandu Cempaka 02/ })).toContainText('Juga ditulis: POSYANDU CEMPAKA 2')
    expect(await seriousViolations(page)).toEqual([])
    await snap(page, 'impor-3-periksa')
    await near.scrollIntoViewIfNeeded()
    await snap(page, 'impor-3-maksud')
    await imp.grid.scrollIntoViewIfNeeded()
    await snap(page, 'impor-3-baris')

    // Only the rows with problems.
    await imp.onlyProblems.check()
    await expect(imp.row(KADER.yohana.row)).toHaveCount(0)
    await expect(imp.row(KADER.budi.row)).toHaveCount(1)
    await imp.onlyProblems.uncheck()
    await expect(imp.row(KADER.yohana.row)).toHaveCount(1)

    // The person fixes the Posyandu: yes to the registered name offered for the misspelt one, a new Posyandu for the other.
    const suggested = imp.posyandu(MISSPELT).locator('optgroup[label="Nama yang mirip"] option')
    await expect(suggested.first()).toHaveText(SEDAP_MALAM)
    await near.getByRole('button', { name: `Ya, masuk ke ${SEDAP_MALAM}` }).click()
    await expect(near).toHaveCount(0)
    await expect(imp.posyandu(MISSPELT)).toHaveValue(sedapMalam.id)
    await expect(imp.posyandu(MISSPELT)).toHaveAccessibleDescription('Dipilih')
    await expect(imp.cell(KADER.dewi.row, 'posyandu')).not.toHaveClass(/has-error/)
    await expect(imp.cell(KADER.dewi.row, 'posyandu')).toContainText(SEDAP_MALAM)
    await imp.posyandu(NOT_REGISTERED).selectOption('new')
    await expect(imp.posyandu(NOT_REGISTERED)).toHaveAccessibleDescription('Akan dibuat saat disimpan')
    await expect(imp.count('Kader baru')).toContainText('4')
    await expect(imp.count('Bermasalah')).toContainText('1')
    expect(await rosterTotal(host)).toBe(30)

    await expect(imp.save).toHaveText('Simpan 4 kader')
    await imp.save.click()
    await expect(imp.currentStep).toContainText('Selesai')
    await expect(imp.count('Kader baru')).toHaveText('4')
    await expect(imp.count('Dilewati')).toHaveText('1')
    await expect(imp.count('Posyandu baru')).toHaveText('1')
    const report = (await page.getByText(/^Baris yang dilewati ada di /).textContent())!.replace('Baris yang dilewati ada di ', '').trim()
    expect(isAbsolute(report)).toBe(true)
    expect(existsSync(report)).toBe(true)
    const reportBook = new ExcelJS.Workbook()
    await reportBook.xlsx.readFile(report)
    const reportText = JSON.stringify(reportBook.worksheets.map((w) => w.getSheetValues()))
    expect(reportText).toContain(KADER.budi.name)
    expect(await seriousViolations(page)).toEqual([])
    await snap(page, 'impor-4-selesai')

    // In the roster, where they were meant to go.
    await imp.openRoster.click()
    await expect(k.heading).toHaveText('Kader')
    await k.expectTotal('34 kader')
    await k.search.fill('Manurung')
    await expect(k.rowNamed(KADER.yohana.name)).toHaveCount(1)
    await expect(k.rowNamed(KADER.yohana.name)).toContainText(CEMPAKA)
    const dewi = await kaderNamed(host, KADER.dewi.name)
    expect(dewi.map((r) => r.posyanduName)).toEqual([SEDAP_MALAM])
    const ani = await kaderNamed(host, KADER.ani.name)
    expect(ani.map((r) => r.posyanduName)).toEqual([NOT_REGISTERED])
    expect(await kaderNamed(host, KADER.budi.name)).toEqual([])

    // The same file again: the kader are matched by NIK and updated, not doubled.
    await imp.open(host.url)
    await imp.file.fill(roster)
    await imp.read.click()
    await expect(imp.currentStep).toContainText('Lembar dan kolom')
    await imp.toPreview.click()
    await expect(imp.currentStep).toContainText('Periksa dan simpan')
    // The Posyandu created last time is now in the register; the misspelt name still needs its choice.
    await expect(imp.posyandu(NOT_REGISTERED)).not.toHaveValue('')
    await expect(imp.posyandu(NOT_REGISTERED)).not.toHaveValue('new')
    await imp.posyandu(MISSPELT).selectOption(sedapMalam.id)
    await expect(imp.count('Diperbarui')).toContainText('4')
    await expect(imp.count('Kader baru')).toContainText('0')
    await expect(imp.row(KADER.yohana.row)).toContainText('Diperbarui')
    await imp.save.click()
    await expect(imp.currentStep).toContainText('Selesai')
    await expect(imp.count('Diperbarui')).toHaveText('4')
    await expect(imp.count('Kader baru')).toHaveText('0')
    expect(await rosterTotal(host)).toBe(34)
    expect(await kaderNamed(host, KADER.yohana.name)).toHaveLength(1)

    // A new Posyandu written twice, once with a typo: the typo is asked about, and "Ya" makes one Posyandu of both.
    const typo = join(dir, 'Kader Kamboja.xlsx')
    const typoBook = new ExcelJS.Workbook()
    const typoSheet = typoBook.addWorksheet('Kader')
    typoSheet.addRows([
      ['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu'],
      ['Wulan Sari Kamboja', '3671014101900911', 'P', '01-01-1990', 'Posyandu Kamboja 07'],
      ['Rosa Lina Kamboja', '3671014202910912', 'P', '02-02-1991', 'POSYANDU KAMBOJA 7'],
      ['Tari Ayu Kamboja', '3671014303920913', 'P', '03-03-1992', 'Posyandu Kambja 07'],
    ])
    await typoBook.xlsx.writeFile(typo)
    await imp.open(host.url)
    await imp.file.fill(typo)
    await imp.read.click()
    await expect(imp.currentStep).toContainText('Lembar dan kolom')
    await imp.toPreview.click()
    await expect(imp.currentStep).toContainText('Periksa dan simpan')
    const sameAsk = page.getByRole('group', { name: 'Maksud Anda "Posyandu Kamboja 07" (nama lain di berkas ini)?' })
    await expect(sameAsk).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await sameAsk.getByRole('button', { name: 'Ya, sama dengan "Posyandu Kamboja 07"' }).click()
    await expect(imp.posyandu('Posyandu Kambja 07')).toHaveAccessibleDescription(/Ikut "Posyandu Kamboja 07"/)
    await imp.posyandu('Posyandu Kamboja 07').selectOption('new')
    await expect(imp.count('Kader baru')).toContainText('3')
    await imp.save.click()
    await expect(imp.currentStep).toContainText('Selesai')
    await expect(imp.count('Posyandu baru')).toHaveText('1')
    const kamboja = (await host.invoke<{ rows: KaderRow[] }>('kader:list', { query: 'Kamboja', limit: 10 })).rows
    expect(kamboja.map((r) => r.posyanduName)).toEqual(['Posyandu Kamboja 07', 'Posyandu Kamboja 07', 'Posyandu Kamboja 07'])
  })

  test('the roster goes out to Excel, with the NIK masked unless the person asks for it in full', async ({ page, openApp, host }) => {
    const names = (await host.invoke<{ rows: KaderRow[] }>('kader:list', { limit: 500 })).rows
    const first = await host.invoke<{ nik: string; name: string }>('kader:get', { id: names[0]!.id })
    const out = join(dir, 'laporan')

    await openApp('kader')
    await page.getByRole('button', { name: 'Ekspor ke Excel' }).click()
    const dialog = page.getByRole('dialog', { name: 'Ekspor daftar kader ke Excel' })
    await expect(dialog).toBeVisible()
    const folder = dialog.getByLabel('Folder tujuan')
    await expect(folder).toBeFocused()
    await expect(dialog.getByRole('radio', { name: /Disamarkan/ })).toBeChecked()
    expect(await seriousViolations(page)).toEqual([])

    // Nothing typed, then a folder that does not exist: said next to the field, in Indonesian.
    await folder.fill('')
    await dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()
    await expect(folder).toHaveAttribute('aria-invalid', 'true')
    await expect(folder).toHaveAccessibleDescription(/Isi folder tujuan/)
    await folder.fill(out)
    await dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()
    await expect(folder).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.locator('.field-error')).toContainText('Folder')

    // A folder that is there.
    mkdirSync(out)
    await dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()
    const done = dialog.getByRole('status').filter({ hasText: 'Berkas tersimpan' })
    await expect(done).toBeVisible()
    const fileName = (await done.locator('.export-done-file').textContent())!.trim()
    const path = (await done.locator('.export-done-path').textContent())!.trim()
    expect(fileName).toMatch(/\.xlsx$/)
    expect(path).toBe(join(out, fileName))
    expect(existsSync(path)).toBe(true)
    await expect(done).toContainText('30 baris data.')
    expect(await seriousViolations(page)).toEqual([])
    await snap(page, 'ekspor-selesai')

    const masked = await sheetText(path)
    expect(masked).toContain(first.name)
    expect(masked).toContain(`${first.nik.slice(0, 6)}******${first.nik.slice(12)}`)
    expect(masked).not.toContain(first.nik)

    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Ekspor ke Excel' })).toBeFocused()

    // Asked for the full NIK, the file carries it; the folder is remembered.
    await page.getByRole('button', { name: 'Ekspor ke Excel' }).click()
    await expect(dialog.getByLabel('Folder tujuan')).toHaveValue(out)
    await dialog.getByRole('radio', { name: 'NIK lengkap' }).check()
    await dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()
    const full = await sheetText((await done.locator('.export-done-path').textContent())!.trim())
    expect(full).toContain(first.nik)
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  })

  test('every list and report has its Ekspor ke Excel, and each writes a file', async ({ page, openApp, host }) => {
    const trainings = await host.invoke<{ id: string; title: string }[]>('training:list', {})
    const places: { path: string; title: string }[] = [
      { path: 'kompetensi', title: 'Ekspor matriks kompetensi ke Excel' },
      { path: 'pelatihan', title: 'Ekspor kehadiran pelatihan ke Excel' },
      { path: `pelatihan/${trainings[0]!.id}`, title: 'Ekspor kehadiran pelatihan ke Excel' },
      { path: 'tindak-lanjut/papan', title: 'Ekspor tindak lanjut per OPD ke Excel' },
      { path: 'rekap', title: 'Ekspor rekap ke Excel' },
    ]
    for (const p of places) {
      await openApp(p.path)
      await page.getByRole('button', { name: 'Ekspor ke Excel' }).click()
      const dialog = page.getByRole('dialog', { name: p.title })
      await dialog.getByLabel('Folder tujuan').fill(dir)
      await dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()
      const done = dialog.getByRole('status').filter({ hasText: 'Berkas tersimpan' })
      await expect(done, p.path).toBeVisible()
      const path = (await done.locator('.export-done-path').textContent())!.trim()
      expect(existsSync(path), path).toBe(true)
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(path)
      expect(book.worksheets.length, path).toBeGreaterThan(0)
      await dialog.getByRole('button', { name: 'Tutup' }).click()
    }
  })

  test('the wizard can be done with the keyboard alone', async ({ page, openApp, host }) => {
    const imp = new ImportPage(page)
    await openApp('kader')
    await imp.tabTo(page.getByRole('link', { name: 'Impor dari Excel' }))
    await page.keyboard.press('Enter')
    await expect(imp.heading).toHaveText('Impor daftar kader dari Excel')

    await imp.tabTo(imp.file)
    await page.keyboard.type(roster)
    await page.keyboard.press('Enter')
    await expect(imp.stepHeading).toBeFocused()
    await expect(imp.currentStep).toContainText('Lembar dan kolom')

    // The heading row, typed and read again with Enter, then back to the detected one.
    await imp.tabTo(imp.headerRow)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('5')
    await page.keyboard.press('Enter')
    await expect(imp.headerRow).toBeFocused()
    await expect(imp.columnField('B', 'Nama Lengkap')).toHaveCount(0)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('4')
    await page.keyboard.press('Enter')
    await expect(imp.columnField('B', 'Nama Lengkap')).toHaveValue('name')

    await imp.tabTo(imp.toPreview)
    await page.keyboard.press('Enter')
    await expect(imp.stepHeading).toBeFocused()
    await expect(imp.currentStep).toContainText('Periksa dan simpan')

    // The misspelt Posyandu: arrow down to the closest registered name; the focus stays on the select.
    const misspelt = imp.posyandu(MISSPELT)
    await imp.tabTo(misspelt)
    await page.keyboard.press('ArrowDown')
    await expect(misspelt.locator('option:checked')).toHaveText(SEDAP_MALAM)
    await expect(misspelt).toBeFocused()
    await expect(misspelt).toHaveAccessibleDescription('Dipilih')
    // The new one: End goes to the last option, "Buat Posyandu baru".
    const notRegistered = imp.posyandu(NOT_REGISTERED)
    await imp.tabTo(notRegistered)
    await page.keyboard.press('End')
    await expect(notRegistered).toHaveValue('new')
    await expect(notRegistered).toBeFocused()

    // Into the rows: arrows move from row to row, each row described by its problems.
    await imp.tabTo(imp.rows.first())
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(imp.row(KADER.budi.row)).toBeFocused()
    await expect(imp.row(KADER.budi.row)).toHaveAccessibleDescription(/NIK/)
    await page.keyboard.press('Home')
    await expect(imp.row(KADER.yohana.row)).toBeFocused()

    await imp.tabTo(imp.save)
    await expect(imp.save).toHaveText('Simpan 4 kader')
    await page.keyboard.press('Enter')
    await expect(imp.stepHeading).toBeFocused()
    await expect(imp.currentStep).toContainText('Selesai')
    await expect(imp.count('Kader baru')).toHaveText('4')

    await imp.tabTo(imp.openRoster)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kader')
    await expect(page.locator('.roster-total')).toHaveText('34 kader')
    expect(await rosterTotal(host)).toBe(34)
  })
})

/** Every cell of every sheet of a workbook as text, to look for a value. */
async function sheetText(path: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const out: string[] = []
  for (const ws of book.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        out.push(cell.text)
      })
    })
  }
  return out.join('\n')
}
