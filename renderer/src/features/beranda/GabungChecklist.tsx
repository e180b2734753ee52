// "Bergabung dengan wilayah" on Beranda: an office's first steps into its region, each ticked
// from the database (beranda:gabung) when it has happened, each linking to where it is done.
// Gone once every step is done.

import { useTranslation } from 'react-i18next'
import type { GabungStep } from '@shared/contract'
import { href } from '../../app/router'
import { useCall } from '../../components/useCall'
import './beranda.css'

const WHERE: Record<GabungStep, string> = {
  pembinaan: href('paket/terima'),
  sidikJari: href('pengaturan/kunci'),
  kirim: href('paket/kirim'),
  pembinaanKirim: href('paket/kirim'),
  sidikJariKantor: href('paket/terima'),
  pembinaanLagi: href('paket/kirim'),
}

export function GabungChecklist() {
  const { t } = useTranslation()
  const gabung = useCall('beranda:gabung', {})
  const g = gabung.data
  // Errors and loading stay quiet: the checklist is a guide, Beranda's numbers come first.
  if (!g) return null
  // Nothing to show once joined; the empty marker tells a reader (and the tests) the list was checked.
  if (g.done) return <span hidden data-gabung="done" />
  const done = g.steps.filter((s) => s.done).length
  return (
    <section className="card gabung" aria-labelledby="gabung-title" data-testid="gabung">
      <h2 id="gabung-title" className="card-title">
        {t('mulai.gabung.title')}
      </h2>
      <p className="muted">{t('mulai.gabung.intro')}</p>
      <p className="gabung-progress">{t('mulai.gabung.progress', { done, total: g.steps.length })}</p>
      <ol className="gabung-steps">
        {g.steps.map((s, i) => (
          <li key={s.key} className={s.done ? 'gabung-step gabung-done' : 'gabung-step'} data-step={s.key} data-done={s.done}>
            <span className="gabung-mark" aria-hidden="true">
              {s.done ? '✓' : i + 1}
            </span>
            <div>
              <p className="gabung-step-title">
                {t(`mulai.gabung.steps.${s.key}.title`)}{' '}
                <span className={s.done ? 'badge badge-aktif' : 'badge'}>{s.done ? t('mulai.gabung.done') : t('mulai.gabung.notYet')}</span>
              </p>
              {!s.done && (
                <p className="gabung-step-text">
                  {t(`mulai.gabung.steps.${s.key}.text`)} <a href={WHERE[s.key]}>{t(`mulai.gabung.steps.${s.key}.link`)}</a>
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
