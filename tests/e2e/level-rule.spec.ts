// Katalog keterampilan → Aturan tingkat, as a Dinas analyst uses it: edit the rule, see how many
// kader would change level before saving, save it as a new catalogue version; the kader's page
// counts TKK per skill. Expected figures come from the shared rule (levelOf) applied to what the
// matrix holds, never read back from the screen under test.

import type { CatalogueInfo, KaderCompetency, MatrixRow } from '../../shared/contract'
import { LEVEL_CODES, levelOf, type Catalogue, type LevelCode } from '../../shared/domain/competency'
import { expect, cli, onBuiltDb, snap } from './fixtures'
import { seriousViolations } from './axe'

const test = onBuiltDb('level-rule', (file) => {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kota Tangerang'])
  cli(['demo', '--db', file, '--wilayah', '36.71.01', '--posyandu', '1', '--kader-per-posyandu', '8', '--seed', '4'])
})

const LEVEL_FULL: Record<LevelCode | 'none', string> = { purwa: 'Kader Purwa', madya: 'Kader Madya', utama: 'Kader Utama', none: 'Belum ada tingkat' }

/** One reading of the sources: Purwa = A + B + one more group; Madya two more. */
function stricter(c: Catalogue): Catalogue {
  return {
    ...c,
    levels: c.levels.map((l) =>
      l.code === 'utama' ? l : { ...l, requiresAllOf: ['A', 'B'], plusAnyOf: { groups: ['C', 'D', 'E'], min: l.code === 'purwa' ? 1 : 2 } },
    ),
  }
}

test('the Dinas edits the level rule, sees who would move, and saves it as a new catalogue version', async ({ page, bigHost }) => {
  test.setTimeout(120_000)
  const { catalogue } = await bigHost.invoke<CatalogueInfo>('competency:catalogue', {})
  const { rows } = await bigHost.invoke<{ rows: MatrixRow[] }>('competency:matrix', { limit: 500 })
  const proposed = stricter(catalogue)
  const order = ['none', ...LEVEL_CODES] as const
  const after = new Map<string, number>(order.map((l) => [l, 0]))
  let up = 0
  let down = 0
  for (const r of rows) {
    const to = levelOf(proposed, new Set(r.competent)) ?? 'none'
    after.set(to, after.get(to)! + 1)
    const d = order.indexOf(to) - order.indexOf(r.level ?? 'none')
    if (d > 0) up++
    if (d < 0) down++
  }
  expect(down).toBeGreaterThan(0)

  await page.goto(`${bigHost.url}#/kompetensi/katalog`)
  const rule = page.getByTestId('level-rule')
  await expect(rule.getByRole('heading', { name: 'Aturan tingkat' })).toBeVisible()
  const extra = (level: LevelCode, group: string) =>
    rule.locator(`fieldset[data-level="${level}"]`).getByRole('group', { name: 'Ditambah kelompok lengkap dari' }).getByRole('checkbox', { name: new RegExp(`^${group} ·`) })
  for (const g of ['C', 'D', 'E']) await extra('purwa', g).check()
  await rule.getByLabel('Banyaknya kelompok tambahan').first().fill('1')
  await rule.locator('#rule-madya-extra-min').fill('2')

  const save = rule.getByRole('button', { name: 'Simpan sebagai versi katalog baru' })
  await expect(save).toBeDisabled()
  await rule.getByRole('button', { name: 'Hitung dampaknya' }).click()
  await expect(rule.getByTestId('level-rule-summary')).toHaveText(`Dari ${rows.length} kader aktif: ${up} naik tingkat, ${down} turun tingkat.`)
  for (const l of order) await expect(rule.locator(`[data-testid="level-rule-preview"] tr[data-level="${l}"] td`).nth(1)).toHaveText(String(after.get(l)))
  expect(await seriousViolations(page)).toEqual([])
  await rule.scrollIntoViewIfNeeded()
  await snap(page, 'aturan-tingkat-preview')

  await save.click()
  await expect(rule.getByTestId('level-rule-outcome')).toContainText('Aturan disimpan sebagai katalog versi 2024.1+aturan1')
  await expect(page.getByTestId('catalogue-version')).toHaveCount(2)
  const now = await bigHost.invoke<CatalogueInfo>('competency:catalogue', {})
  expect(now.catalogue.version).toBe('2024.1+aturan1')
  expect(now.catalogue.levels.find((l) => l.code === 'purwa')?.plusAnyOf).toEqual({ groups: ['C', 'D', 'E'], min: 1 })

  // The kader's page follows: TKK per skill, and the level under the new rule.
  const someone = rows.find((r) => r.competent.length > 0)!
  const kc = await bigHost.invoke<KaderCompetency>('competency:kader', { kaderId: someone.kaderId })
  await page.goto(`${bigHost.url}#/kader/${someone.kaderId}`)
  const section = page.getByTestId('kader-competency')
  await expect(section.getByTestId('kader-tkk')).toHaveText(`${someone.competent.length} TKK`)
  await expect(section.locator('.level-badge').first()).toHaveText(LEVEL_FULL[levelOf(proposed, new Set(someone.competent)) ?? 'none'])
  expect(kc.tkk).toBe(someone.competent.length)
})
