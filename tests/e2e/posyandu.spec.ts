import SqliteDatabase from 'better-sqlite3'
import type { Posyandu } from '../../shared/contract'
import { seriousViolations } from './axe'
import { test, expect, snap } from './fixtures'
import { PosyanduPage } from './pages/PosyanduPage'

test.use({ seed: 'kelurahan' })

test.describe('Posyandu', () => {
  test('adds a Posyandu, which then appears in the list with its SPM fields', async ({ page, openApp, host }) => {
    await openApp('posyandu')
    const p = new PosyanduPage(page)
    await expect(page.getByText('Belum ada Posyandu.')).toBeVisible()
    await p.addButton.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posyandu baru')
    // A kelurahan office has one village: it is chosen already.
    await expect(p.village).toHaveValue('36.71.01.1001')

    await p.name.fill('Posyandu Melati 4')
    await p.rw.fill('4')
    await p.address.fill('Jl. Melati No. 4')
    await p.schedule.fill('Setiap Rabu minggu kedua, 08.00–11.00')
    for (const f of ['Pendidikan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas']) await p.spm(f).uncheck()
    await snap(page, 'posyandu-form')
    await p.save.click()

    await p.expectList()
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).toContainText('Posyandu Melati 4 disimpan.')
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).not.toContainText('Posyandu Posyandu')
    const row = p.row('Posyandu Melati 4')
    await expect(row).toContainText('Sukarasa')
    await expect(row).toContainText('004')
    await expect(row).toContainText('Kesehatan')
    await expect(row).toContainText('Sosial')
    await expect(row).not.toContainText('Pendidikan')
    await expect(row).toContainText('Aktif')
    const list = await host.invoke<{ name: string; rw: string; spmFields: string[] }[]>('posyandu:list', { includeInactive: true })
    expect(list).toEqual([expect.objectContaining({ name: 'Posyandu Melati 4', rw: '004', spmFields: ['kesehatan', 'sosial'] })])
  })

  test('checks the fields as they are filled and refuses to save until they are right', async ({ page, openApp }) => {
    await openApp('posyandu/baru')
    const p = new PosyanduPage(page)
    await p.rw.fill('12a')
    await p.rw.blur()
    await expect(p.errorOf(p.rw)).toHaveText(/RW harus berupa angka 1–3 digit/)
    await p.save.click()
    await expect(p.errorOf(p.name)).toHaveText(/Nama Posyandu wajib diisi\./)
    await expect(p.name).toBeFocused()
    for (const f of ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas', 'Sosial']) await p.spm(f).uncheck()
    await expect(page.getByText('Pilih paling sedikit satu bidang SPM.')).toBeVisible()
    await p.name.fill('Posyandu Anggrek')
    await expect(p.errorOf(p.name)).toHaveCount(0)
    await p.rw.fill('012')
    await p.spm('Kesehatan').check()
    // Ctrl+S saves from anywhere in the form.
    await p.rw.press('Control+s')
    await p.expectList()
    await expect(p.row('Posyandu Anggrek')).toContainText('012')
  })

  test('edits a Posyandu and switches it off; Esc leaves the form', async ({ page, openApp, host }) => {
    await host.invoke('posyandu:create', { name: 'Posyandu Kenanga', villageCode: '36.71.01.1001', spmFields: ['kesehatan'] })
    await openApp('posyandu')
    const p = new PosyanduPage(page)
    await page.getByRole('link', { name: 'Ubah Posyandu Kenanga' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ubah Posyandu')
    await expect(p.name).toHaveValue('Posyandu Kenanga')
    await page.getByRole('switch', { name: 'Posyandu aktif' }).uncheck()
    await p.name.press('Enter')
    await p.expectList()
    await expect(p.row('Posyandu Kenanga')).toContainText('Nonaktif')

    await page.getByRole('link', { name: 'Ubah Posyandu Kenanga' }).click()
    await expect(p.name).toBeVisible()
    await p.name.press('Escape')
    await p.expectList()
  })

  test('keeps the registration papers, the Pustu and the pengurus, warns of two ketua and filters by registration', async ({ page, openApp, host }) => {
    // The Puskesmas this kelurahan has heard of through paket (its signed card): the list to choose from.
    const sqlite = new SqliteDatabase(host.dbPath)
    sqlite
      .prepare('insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at) values (?, ?, ?, ?, ?, ?, null, null)')
      .run('pkm-tangerang', 'puskesmas', '36.71.01', 'Tangerang', 'Puskesmas Tangerang', '["36.71.01.1001","36.71.01.1002"]')
    sqlite.close()
    const p = await host.invoke<Posyandu>('posyandu:create', { name: 'Posyandu Dahlia 05', villageCode: '36.71.01.1001', spmFields: ['kesehatan'] })
    await host.invoke('posyandu:create', { name: 'Posyandu Teratai 06', villageCode: '36.71.01.1001', spmFields: ['kesehatan'] })
    // Two kader entered as ketua (as two offices' edits can meet in a paket).
    for (const [name, role, serial] of [['Aminah', 'ketua', 1], ['Bariah', 'ketua', 2], ['Cucu Sartika', 'kader', 3]] as const) {
      const kader = { name, role, sex: 'P', birthDate: '1985-04-12', nik: `367101520485000${serial}`, posyanduId: p.id, spmFields: ['kesehatan'] }
      await host.invoke('kader:create', kader)
    }

    await openApp('posyandu')
    const list = new PosyanduPage(page)
    await page.getByLabel('Nama Pustu').fill('Pustu Sukarasa')
    await page.getByLabel('Alamat Pustu').fill('Jl. Ki Samaun No. 2')
    await page.getByLabel('Nama Pustu').press('Enter')
    await expect(page.getByRole('table', { name: 'Pustu' })).toContainText('Pustu Sukarasa')
    // A typo corrected: the same line edits the Pustu chosen in the list.
    await page.getByRole('button', { name: 'Ubah Pustu Sukarasa' }).click()
    await expect(page.getByLabel('Nama Pustu')).toBeFocused()
    await page.getByLabel('Alamat Pustu').fill('Jl. Ki Samaun No. 12')
    await page.getByRole('button', { name: 'Simpan Pustu' }).click()
    await expect(page.getByRole('table', { name: 'Pustu' })).toContainText('Jl. Ki Samaun No. 12')
    await expect(page.getByRole('button', { name: 'Tambah Pustu' })).toBeVisible()
    await expect(list.row('Posyandu Dahlia 05')).toContainText('2 ketua')

    await page.getByRole('link', { name: 'Ubah Posyandu Dahlia 05' }).click()
    await expect(page.getByTestId('two-ketua')).toHaveText('Posyandu ini tercatat punya 2 ketua: Aminah, Bariah. Pilih satu ketua lalu simpan.')
    await page.getByLabel('Nomor SK pembentukan').fill('400.5.7/012/Kel.1001/2024')
    await page.getByLabel('Tanggal SK pembentukan').fill('01-02-2024')
    // Sukarasa is a kelurahan: its SK is signed by the lurah.
    await page.getByLabel('Nama lurah penanda tangan SK').fill('H. Ahmad Fauzi')
    await page.getByLabel('Tanggal musyawarah pembentukan').fill('20-01-2024')
    await expect(page.getByLabel('Tanggal terdaftar')).toHaveCount(0)
    await page.getByLabel('Status pendaftaran').selectOption({ label: 'Terdaftar' })
    await page.getByLabel('Tanggal terdaftar').fill('31-01-2024')
    await page.getByLabel('Nomor registrasi').fill('REG-0007')
    await page.getByLabel('Puskesmas pembina').selectOption({ label: 'Puskesmas Tangerang' })
    await page.getByLabel('Pustu').selectOption({ label: 'Pustu Sukarasa' })
    await page.getByLabel('Ketua', { exact: true }).selectOption({ label: 'Bariah' })
    await page.getByLabel('Bendahara').selectOption({ label: 'Cucu Sartika' })
    expect(await seriousViolations(page)).toEqual([])
    await snap(page, 'posyandu-registrasi')

    // Registered the day before its SK: the core refuses, on the field, and nothing is saved.
    await list.save.click()
    await expect(list.errorOf(page.getByLabel('Tanggal terdaftar'))).toHaveText('Tanggal terdaftar tidak boleh sebelum tanggal SK pembentukan.')
    await page.getByLabel('Tanggal terdaftar').fill('14-05-2025')
    await list.save.click()
    await list.expectList()

    const saved = await host.invoke<Posyandu>('posyandu:get', { id: p.id })
    expect(saved).toMatchObject({
      skNumber: '400.5.7/012/Kel.1001/2024',
      skDate: '2024-02-01',
      skSigner: 'H. Ahmad Fauzi',
      musyawarahDate: '2024-01-20',
      registrationStatus: 'terdaftar',
      registeredDate: '2025-05-14',
      registryNumber: 'REG-0007',
      puskesmasCode: 'pkm-tangerang',
      puskesmas: 'Puskesmas Tangerang',
      pustuName: 'Pustu Sukarasa',
    })
    expect(saved.pengurus.ketua.map((k) => k.name)).toEqual(['Bariah'])
    expect(saved.pengurus.bendahara.map((k) => k.name)).toEqual(['Cucu Sartika'])
    await expect(list.row('Posyandu Dahlia 05')).toContainText('Terdaftar')
    await expect(list.row('Posyandu Dahlia 05')).not.toContainText('2 ketua')

    const filter = page.getByLabel('Status pendaftaran')
    await filter.selectOption({ label: 'Terdaftar' })
    await expect(list.table.getByRole('rowheader')).toHaveText(['Posyandu Dahlia 05'])
    await filter.selectOption({ label: 'Belum terdaftar' })
    await expect(list.table.getByRole('rowheader')).toHaveText(['Posyandu Teratai 06'])
    expect(await seriousViolations(page)).toEqual([])
  })
})
