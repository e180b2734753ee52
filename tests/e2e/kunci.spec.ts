// Pengaturan → Kunci kantor as two offices use it: the kelurahan saves its key card on the stick,
// the Puskesmas reads it and trusts it only after typing the fingerprint the kelurahan reads out
// over the phone. After that, the kelurahan's paket need no confirming at the Puskesmas. The
// other way round, the Puskesmas's card is what lets the kelurahan lock a paket for it.

import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { snap } from './fixtures'
import { test, expect, giveCard, KELURAHAN, PUSKESMAS } from './offices'
import { KunciPage } from './pages/KunciPage'
import { PaketPage } from './pages/PaketPage'
import { seriousViolations } from './axe'

type KunciState = { self: { fingerprint: string }; trusted: { siteId: string; name: string; fingerprint: string; source: string }[] }

test.describe('Kunci kantor', () => {
  test.setTimeout(180_000)

  test('a key card saved at one office is trusted at another only with the fingerprint read out', async ({ page, offices }) => {
    const k = new KunciPage(page)

    // The kelurahan finds its key screen from Pengaturan and reads its fingerprint there.
    const settings = new URL(offices.kelurahan.url)
    settings.hash = '#/pengaturan'
    await page.goto(settings.toString())
    await page.getByRole('link', { name: /^Kunci kantor/ }).click()
    await expect(k.heading).toHaveText('Kunci kantor')
    await expect(k.heading).toBeFocused()
    await expect(page.getByRole('region', { name: 'Kartu kunci kantor ini' })).toContainText(KELURAHAN.name)
    await expect(page.getByRole('region', { name: 'Kartu kunci kantor ini' })).toContainText(KELURAHAN.area)
    const fingerprint = await k.ownFingerprint()
    expect(fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
    expect((await offices.kelurahan.invoke<KunciState>('kunci:state', {})).self.fingerprint).toBe(fingerprint)
    await expect(k.trustedSection).toContainText('Belum ada kantor yang dipercaya')

    // A folder that is not there is said next to the field.
    await k.folder.fill(join(offices.usb, 'tidak-ada'))
    await k.save.click()
    await expect(k.folderError).toContainText('Kartu kunci tidak dapat disimpan di folder itu')
    await expect(k.folder).toBeFocused()

    const cardFile = await k.saveCard(offices.usb)
    expect(cardFile).toMatch(/\.simpul-kunci$/)
    expect(existsSync(join(offices.usb, cardFile))).toBe(true)
    await expect(k.saved).toContainText(join(offices.usb, cardFile))
    expect(await seriousViolations(page), 'Kunci kantor with a saved card').toEqual([])

    // Its own card, read at home, is not something to trust.
    await k.readCard(join(offices.usb, cardFile))
    await expect(k.card).toHaveAttribute('data-status', 'self')
    await expect(k.card).toContainText('Kartu kantor ini sendiri')
    await expect(k.typed).toHaveCount(0)

    // The Puskesmas: a file that is not a key card is refused next to the path field.
    writeFileSync(join(offices.usb, 'bukan.simpul-kunci'), 'bukan kartu kunci')
    await k.open(offices.puskesmas.url)
    await k.readCard(join(offices.usb, 'bukan.simpul-kunci'))
    await expect(k.cardPathError).toContainText('bukan kartu kunci Simpul Posyandu')
    await expect(k.card).toHaveCount(0)

    // The kelurahan's card: who it names, not known yet.
    await k.readCard(join(offices.usb, cardFile))
    await expect(k.card).toHaveAttribute('data-status', 'new')
    await expect(k.card).toContainText(KELURAHAN.name)
    await expect(k.card).toContainText('Kelurahan/Desa')
    await expect(k.card).toContainText('Belum dikenal')
    await expect(k.card).toContainText('Telepon kantor tersebut')
    expect(await seriousViolations(page), 'Kunci kantor with a card read').toEqual([])

    // A fingerprint misheard over the phone is refused, said next to the field, nothing trusted.
    await k.typed.fill('AAAA-BBBB-CCCC-DDDD-EEEE')
    await k.trust.click()
    await expect(k.typedError).toContainText('Sidik jari yang dicocokkan tidak sama dengan sidik jari kartu ini')
    await expect(k.typed).toHaveAttribute('aria-invalid', 'true')
    await expect(k.typed).toBeFocused()
    expect((await offices.puskesmas.invoke<KunciState>('kunci:state', {})).trusted).toEqual([])
    await expect(k.trustedSection).toContainText('Belum ada kantor yang dipercaya')

    // Typed as heard (lower case, spaces for dashes): trusted.
    await k.typed.fill(fingerprint.toLowerCase().replace(/-/g, ' '))
    await k.trust.click()
    await expect(k.toasts).toContainText(`Kunci ${KELURAHAN.name} sekarang dipercaya.`)
    await expect(k.card).toHaveCount(0)
    const row = k.trustedRow(KELURAHAN.name)
    await expect(row).toContainText('Kelurahan/Desa')
    await expect(row).toContainText(KELURAHAN.areaName)
    await expect(row).toContainText(fingerprint)
    await expect(row).toContainText('Kartu kunci')
    await expect(row).toContainText(/\d+ \w+ \d{4}/)
    const trusted = (await offices.puskesmas.invoke<KunciState>('kunci:state', {})).trusted
    expect(trusted.map((o) => [o.name, o.fingerprint, o.source])).toEqual([[KELURAHAN.name, fingerprint, 'kartu']])
    expect(await seriousViolations(page), 'Kunci kantor with a trusted office').toEqual([])

    // Read again, the card is known: nothing to type.
    await k.readCard(join(offices.usb, cardFile))
    await expect(k.card).toHaveAttribute('data-status', 'trusted')
    await expect(k.card).toContainText('Sudah dipercaya')
    await expect(k.typed).toHaveCount(0)

    // The other way round: until the kelurahan holds the Puskesmas's card, no paket can be
    // locked for it. The Puskesmas saves its card; the kelurahan trusts it with the fingerprint.
    const p = new PaketPage(page)
    const toPuskesmas = /^Puskesmas (belum pernah|terakhir dikirim)/
    await p.open(offices.kelurahan.url)
    await expect(p.destination(toPuskesmas)).toBeDisabled()
    await expect(p.destination(toPuskesmas)).toHaveAccessibleDescription(/Kartu kunci Puskesmas pembina belum dikenal kantor ini/)
    await k.open(offices.puskesmas.url)
    const puskesmasFingerprint = await k.ownFingerprint()
    const puskesmasCard = await k.saveCard(offices.usb)
    await k.open(offices.kelurahan.url)
    await k.readCard(join(offices.usb, puskesmasCard))
    await expect(k.card).toHaveAttribute('data-status', 'new')
    await expect(k.card).toContainText(PUSKESMAS.name)
    await k.typed.fill(puskesmasFingerprint)
    await k.trust.click()
    await expect(k.toasts).toContainText(`Kunci ${PUSKESMAS.name} sekarang dipercaya.`)
    await p.open(offices.kelurahan.url)
    await expect(p.destination(toPuskesmas)).toBeEnabled()
    await expect(p.destination(toPuskesmas)).toHaveAccessibleDescription(`Dapat dibuka oleh: ${PUSKESMAS.name}`)

    // The kelurahan's first paket to the Puskesmas is now signed by a known key: no tick needed.
    const paket = await p.kirim(offices.usb, toPuskesmas)
    await p.previewAt(offices.puskesmas.url, offices.usb, paket)
    await expect(p.senderKey).toHaveAttribute('data-sender-key', 'trusted')
    await expect(p.senderKey).toContainText(`sidik jari ${fingerprint}`)
    await expect(p.confirmFingerprint).toHaveCount(0)
    await p.importIt()
    expect((await offices.puskesmas.invoke<{ total: number }>('kader:list', { limit: 1 })).total).toBe(30)
  })

  test('the kota revokes a lost key; its row says so and bundles signed with it are refused', async ({ page, offices }) => {
    const k = new KunciPage(page)
    // The kota trusts the kelurahan's card (as in the test above, through the bridge here).
    const saved = await offices.kelurahan.invoke<{ path: string; fingerprint: string }>('kunci:saveCard', { folder: offices.usb })
    await offices.kota.invoke('kunci:trustCard', { path: saved.path, fingerprint: saved.fingerprint })
    const url = new URL(offices.kota.url)
    url.hash = '#/pengaturan/kunci'
    await page.goto(url.toString())
    const row = k.trustedRow(KELURAHAN.name)
    await row.getByRole('button', { name: 'Cabut kunci' }).click()
    const dialog = page.getByRole('dialog', { name: `Cabut kunci ${KELURAHAN.name}?` })
    await dialog.getByRole('button', { name: 'Cabut kunci' }).click()
    await expect(dialog.getByText('Tuliskan alasannya')).toBeVisible()
    await dialog.getByLabel('Alasan').fill('Laptop kelurahan hilang')
    await dialog.getByRole('button', { name: 'Cabut kunci' }).click()
    await expect(row).toContainText('Dicabut')
    await expect(row.getByRole('button', { name: 'Cabut kunci' })).toHaveCount(0)
    expect(await seriousViolations(page), 'Kunci kantor with a revoked key').toEqual([])

    // A paket from the lost laptop: refused at the kota even with its fingerprint accepted.
    await giveCard(offices.kota, offices.kelurahan, offices.usb)
    const paket = await offices.kelurahan.invoke<{ path: string }>('paket:export', { folder: offices.usb, destination: 'level:kota', full: true })
    await expect(offices.kota.invoke('paket:import', { path: paket.path, acceptFingerprint: saved.fingerprint })).rejects.toThrow(/telah dicabut oleh Dinas .*Laptop kelurahan hilang/)
  })

  test('replacing the keys: a new fingerprint, and the office that trusted the old one takes it without asking', async ({ page, offices }) => {
    const k = new KunciPage(page)
    await giveCard(offices.puskesmas, offices.kelurahan, offices.usb)
    const first = await offices.kelurahan.invoke<{ path: string }>('paket:export', { folder: offices.usb, destination: 'level:puskesmas', full: false })
    const old = (await offices.kelurahan.invoke<KunciState>('kunci:state', {})).self.fingerprint
    await offices.puskesmas.invoke('paket:import', { path: first.path, acceptFingerprint: old })

    const url = new URL(offices.kelurahan.url)
    url.hash = '#/pengaturan/kunci'
    await page.goto(url.toString())
    await page.getByRole('button', { name: 'Ganti kunci' }).click()
    await page.getByRole('dialog', { name: 'Ganti kunci kantor ini?' }).getByRole('button', { name: 'Ganti kunci' }).click()
    await expect(k.toasts).toContainText('Sidik jari baru')
    const now = (await offices.kelurahan.invoke<KunciState>('kunci:state', {})).self.fingerprint
    expect(now).not.toBe(old)
    expect(await k.ownFingerprint()).toBe(now)

    const p = new PaketPage(page)
    await p.open(offices.kelurahan.url)
    const paket = await p.kirim(offices.usb, /^Puskesmas (belum pernah|terakhir dikirim)/)
    await p.previewAt(offices.puskesmas.url, offices.usb, paket)
    await expect(p.senderKey).toHaveAttribute('data-sender-key', 'trusted')
    await expect(p.senderKey).toContainText(`sidik jari ${now}`)
    await p.importIt()
  })

  test('a kelurahan that corrected its area after handing out its card is asked about once, old and new area side by side', async ({ page, offices }) => {
    // The Puskesmas serves both villages. The kelurahan's card went to it by hand; then the wrong
    // village was noticed and corrected (allowed: no paket had left yet).
    await offices.puskesmas.invoke('site:changeArea', { areaCode: PUSKESMAS.area, name: PUSKESMAS.name, coveredVillageCodes: [KELURAHAN.area, '36.71.01.1002'] })
    await giveCard(offices.kelurahan, offices.puskesmas, offices.usb)
    await giveCard(offices.puskesmas, offices.kelurahan, offices.usb)
    await offices.kelurahan.invoke('site:changeArea', { areaCode: '36.71.01.1002', name: 'Kantor Kelurahan Sukaasih', coveredVillageCodes: [] })
    const fingerprint = (await offices.kelurahan.invoke<KunciState>('kunci:state', {})).self.fingerprint

    const p = new PaketPage(page)
    await p.open(offices.kelurahan.url)
    const paket = await p.kirim(offices.usb, /^Puskesmas (belum pernah|terakhir dikirim)/)
    await p.previewAt(offices.puskesmas.url, offices.usb, paket)
    await expect(p.senderKey).toHaveAttribute('data-sender-key', 'changed')
    const compare = p.senderKey.locator('.kunci-sender-compare')
    await expect(compare.locator('.dl-item').filter({ hasText: 'Dikenal di sini' })).toContainText(`${KELURAHAN.areaName} · ${fingerprint}`)
    await expect(compare.locator('.dl-item').filter({ hasText: 'Kartu yang diterima' })).toHaveText(/Sukaasih \(wilayah berbeda\)$/)
    await expect(compare).not.toContainText('kunci berbeda')
    await p.senderKey.scrollIntoViewIfNeeded()
    await snap(page, 'kunci-changed-area')
    expect(await seriousViolations(page), 'a changed card in the Terima preview').toEqual([])
    await expect(p.importNow).toBeDisabled()
    await p.confirmFingerprint.check()
    await p.importIt()
    await expect(p.kindCount('Kader', 'Baru', p.imported)).toHaveText('30')
    await expect(p.kindCount('Kader', 'Ditolak', p.imported)).toHaveText('0')
    const trusted = (await offices.puskesmas.invoke<{ trusted: { name: string; areaCode: string }[] }>('kunci:state', {})).trusted
    expect(trusted.find((t) => t.name === 'Kantor Kelurahan Sukaasih')?.areaCode).toBe('36.71.01.1002')
  })
})
