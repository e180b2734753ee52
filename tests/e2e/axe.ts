// The axe-core scan every spec runs on its finished screens: WCAG 2.1 A and AA rules, and only
// serious and critical findings count, each listed by rule and its first few elements.

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)
}
