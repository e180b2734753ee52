// A kader's incentives, on the kader page: one line per month and funding source, paid or not
// yet, a small form to record or correct one, and the month's payment list of the kader's
// Posyandu (or the whole kelurahan/desa) to print with a signature column.

import { useTranslation } from 'react-i18next'
import type { Insentif } from '@shared/contract'
import { WEWENANG } from '@shared/domain/paket'
import { INSENTIF_FUNDING, periodName, rupiah, type InsentifFunding } from '@shared/domain/sarana'
import { call } from '../../api/client'
import { useApp, useOfficeToday } from '../../app/AppContext'
import { DateInput } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PrintButton } from '../../components/PrintButton'
import { useChildRecords } from '../../components/useChildRecords'
import { formatDate } from '../../i18n/format'

interface Draft {
  id: string | null
  period: string
  amount: string
  fundingSource: InsentifFunding | ''
  paidDate: string
  note: string
}

export function InsentifSection({ kaderId, kaderName, posyanduId, posyanduName }: { kaderId: string; kaderName: string; posyanduId: string; posyanduName: string }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const today = useOfficeToday()
  const mayEdit = WEWENANG[site.level].includes('insentif')
  const { rows, loadError, draft, saveError, busy, firstRef, open, close, set, save, remove } = useChildRecords<Insentif, Draft, HTMLInputElement>(
    () => call('insentif:list', { kaderId }),
    [kaderId],
  )
  // A new line is for this month, with the last line's amount and source: most months are alike.
  const fresh = (): Draft => ({
    id: null,
    period: today.slice(0, 7),
    amount: rows?.[0] ? String(rows[0].amount) : '',
    fundingSource: rows?.[0]?.fundingSource ?? '',
    paidDate: '',
    note: '',
  })

  const write = async (d: Draft) => {
    const input = {
      kaderId,
      period: d.period.trim(),
      amount: Number(d.amount.replace(/[.\s]/g, '')),
      fundingSource: d.fundingSource as InsentifFunding,
      paidDate: d.paidDate || null,
      note: d.note,
    }
    const saved = d.id ? await call('insentif:update', { ...input, id: d.id }) : await call('insentif:create', input)
    return t('insentif.saved', { period: periodName(saved.period) })
  }
  const removeLine = (r: Insentif) =>
    remove(async () => {
      await call('insentif:remove', { id: r.id })
      return t('insentif.removed', { period: periodName(r.period) })
    })

  const latest = rows?.[0]?.period ?? null

  return (
    <section className="card insentif-section" aria-labelledby="sec-insentif">
      <h2 id="sec-insentif" className="card-title">
        {t('insentif.title')}
      </h2>
      <p className="muted">{t('insentif.intro')}</p>
      {loadError && <ErrorBox message={loadError} />}
      {!rows && !loadError && <Loading />}
      {rows && rows.length === 0 && <p className="muted">{t('insentif.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('insentif.caption', { name: kaderName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insentif.period')}</th>
                <th scope="col" className="num">
                  {t('insentif.amount')}
                </th>
                <th scope="col">{t('insentif.fundingSource')}</th>
                <th scope="col">{t('insentif.paidDate')}</th>
                {mayEdit && <th scope="col">{t('insentif.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="insentif-row">
                  <th scope="row">{periodName(r.period)}</th>
                  <td className="num">{rupiah(r.amount)}</td>
                  <td>{t(`insentif.funding.${r.fundingSource}`)}</td>
                  <td>{r.paidDate ? formatDate(r.paidDate) : <span className="badge badge-warning">{t('insentif.unpaid')}</span>}</td>
                  {mayEdit && (
                    <td className="actions">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('insentif.editLabel', { period: periodName(r.period) })}
                        onClick={() => open({ id: r.id, period: r.period, amount: String(r.amount), fundingSource: r.fundingSource, paidDate: r.paidDate ?? '', note: r.note ?? '' })}
                      >
                        {t('insentif.edit')}
                      </button>{' '}
                      <button type="button" className="link-button" aria-label={t('insentif.removeLabel', { period: periodName(r.period) })} onClick={() => void removeLine(r)}>
                        {t('insentif.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="page-actions">
        {mayEdit && rows && !draft && (
          <button type="button" className="btn" onClick={() => open(fresh())}>
            {t('insentif.add')}
          </button>
        )}
        {latest && (
          <PrintButton
            request={{ kind: 'daftarInsentif', period: latest, posyanduId }}
            label={t('insentif.printPosyandu', { posyandu: posyanduName, period: periodName(latest) })}
          />
        )}
        {latest && site.level === 'kelurahan' && (
          <PrintButton request={{ kind: 'daftarInsentif', period: latest }} label={t('insentif.printVillage', { period: periodName(latest) })} />
        )}
      </div>
      {draft && (
        <form className="form insentif-form" onSubmit={(e) => void save(e, write)} aria-labelledby="insentif-form-title" noValidate>
          <h3 id="insentif-form-title" className="sub-title">
            {draft.id ? t('insentif.editTitle', { period: periodName(draft.period) }) : t('insentif.addTitle')}
          </h3>
          {saveError && <ErrorBox message={saveError} />}
          <div className="form-row">
            <Field id="insentif-period" label={t('insentif.period')} help={t('insentif.periodHelp')}>
              {(c) => <input {...c} ref={firstRef} type="text" inputMode="numeric" maxLength={7} value={draft.period} onChange={(e) => set('period', e.target.value)} />}
            </Field>
            <Field id="insentif-amount" label={t('insentif.amount')} help={t('insentif.amountHelp')}>
              {(c) => <input {...c} type="text" inputMode="numeric" value={draft.amount} onChange={(e) => set('amount', e.target.value)} />}
            </Field>
            <Field id="insentif-funding" label={t('insentif.fundingSource')}>
              {(c) => (
                <select {...c} value={draft.fundingSource} onChange={(e) => set('fundingSource', e.target.value as InsentifFunding | '')}>
                  <option value="">{t('insentif.fundingChoose')}</option>
                  {INSENTIF_FUNDING.map((k) => (
                    <option key={k} value={k}>
                      {t(`insentif.funding.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="form-row">
            <Field id="insentif-paid" label={t('insentif.paidDate')} help={t('insentif.paidDateHelp')} optional>
              {(c) => <DateInput {...c} value={draft.paidDate} onChange={(v) => set('paidDate', v)} />}
            </Field>
            <Field id="insentif-note" label={t('insentif.note')} optional className="grow">
              {(c) => <input {...c} type="text" value={draft.note} onChange={(e) => set('note', e.target.value)} />}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('insentif.save')}
            </button>
            <button type="button" className="btn" onClick={close}>
              {t('insentif.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
