import { seriousViolations } from './axe'
import { test, expect } from './fixtures'

// Where an office enters data that other offices will refuse from its paket (shared/domain/paket.ts
// WEWENANG), the screen says so before anything is typed: a kelurahan records no trainings.
test.use({ seed: 'roster' })

test('a kelurahan is told on the training screens that trainings are the Puskesmas’s, not on its own kader', async ({ page, openApp }) => {
  const notice = page.locator('.wewenang-notice')
  await openApp('pelatihan')
  await expect(notice).toHaveText(
    'Data pelatihan dicatat oleh kantor Puskesmas atau Kota/Kabupaten (Dinas). Yang dicatat di kantor ini tetap tersimpan di sini, tetapi tidak akan diterima kantor lain lewat paket.',
  )
  await expect(notice).toHaveRole('note')
  expect(await seriousViolations(page)).toEqual([])
  await openApp('pelatihan/baru')
  await expect(notice).toContainText('Data pelatihan dicatat oleh kantor Puskesmas')
  // Its own kinds: no notice.
  await openApp('kader')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(notice).toHaveCount(0)
  await openApp('posyandu')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(notice).toHaveCount(0)
})
