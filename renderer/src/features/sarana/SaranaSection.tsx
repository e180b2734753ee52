// The Posyandu's equipment (sarana prasarana), below its form: one line per item with its
// condition, and for an item rusak or tidak ada a link that opens the follow-up form already
// filled (the Posyandu, the item's OPD and "Dacin rusak berat di Posyandu …").

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Sarana, SaranaItem } from '@shared/contract'
import { SARANA_CONDITIONS, SARANA_FUNDING, type SaranaCondition, type SaranaFunding } from '@shared/domain/sarana'
import { call } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { href } from '../../app/router'
import { DateInput } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { useChildRecords } from '../../components/useChildRecords'
import { formatDate, formatNumber } from '../../i18n/format'
import { WEWENANG } from '@shared/domain/paket'

interface Draft {
  id: string | null
  itemId: string
  quantity: string
  condition: SaranaCondition | ''
  receivedDate: string
  fundingSource: SaranaFunding | ''
  note: string
}

const EMPTY: Draft = { id: null, itemId: '', quantity: '1', condition: 'baik', receivedDate: '', fundingSource: '', note: '' }

export function SaranaSection({ posyanduId, posyanduName }: { posyanduId: string; posyanduName: string }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const [items, setItems] = useState<SaranaItem[] | null>(null)
  const mayEdit = WEWENANG[site.level].includes('sarana')
  const { rows, loadError, draft, saveError, busy, firstRef, open, close, set, save, remove } = useChildRecords<Sarana, Draft, HTMLSelectElement>(async () => {
    const [is, rs] = await Promise.all([call('sarana:items', { includeInactive: true }), call('sarana:list', { posyanduId })])
    setItems(is)
    return rs
  }, [posyanduId])

  const write = async (d: Draft) => {
    const input = {
      posyanduId,
      itemId: d.itemId,
      quantity: Number(d.quantity),
      condition: d.condition as SaranaCondition,
      receivedDate: d.receivedDate || null,
      fundingSource: d.fundingSource || null,
      note: d.note,
    }
    const saved = d.id ? await call('sarana:update', { ...input, id: d.id }) : await call('sarana:create', input)
    return t('sarana.saved', { item: saved.itemName })
  }
  const removeLine = (s: Sarana) =>
    remove(async () => {
      await call('sarana:remove', { id: s.id })
      return t('sarana.removed', { item: s.itemName })
    })

  const used = new Set((rows ?? []).filter((r) => r.id !== draft?.id).map((r) => r.itemId))
  const choosable = (items ?? []).filter((i) => (i.active && !used.has(i.id)) || i.id === draft?.itemId)

  return (
    <section className="card sarana-section" aria-labelledby="sec-sarana">
      <h2 id="sec-sarana" className="card-title">
        {t('sarana.title')}
      </h2>
      <p className="muted">{t('sarana.intro')}</p>
      {loadError && <ErrorBox message={loadError} />}
      {!rows && !loadError && <Loading />}
      {rows && rows.length === 0 && <p className="muted">{t('sarana.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('sarana.caption', { name: posyanduName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sarana.item')}</th>
                <th scope="col" className="num">
                  {t('sarana.quantity')}
                </th>
                <th scope="col">{t('sarana.condition')}</th>
                <th scope="col">{t('sarana.receivedDate')}</th>
                <th scope="col">{t('sarana.fundingSource')}</th>
                <th scope="col">{t('sarana.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="sarana-row">
                  <th scope="row">
                    {r.itemName}
                    {r.kit && <span className="muted"> ({t('sarana.kit')})</span>}
                  </th>
                  <td className="num">{formatNumber(r.quantity)}</td>
                  <td>
                    <span className={r.condition === 'baik' ? 'badge' : 'badge badge-warning'}>{t(`sarana.conditions.${r.condition}`)}</span>
                  </td>
                  <td>{r.receivedDate ? formatDate(r.receivedDate) : t('app.none')}</td>
                  <td>{r.fundingSource ? t(`sarana.funding.${r.fundingSource}`) : t('app.none')}</td>
                  <td className="actions">
                    {mayEdit && (
                      <>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('sarana.editLabel', { item: r.itemName })}
                          onClick={() =>
                            open({
                              id: r.id,
                              itemId: r.itemId,
                              quantity: String(r.quantity),
                              condition: r.condition,
                              receivedDate: r.receivedDate ?? '',
                              fundingSource: r.fundingSource ?? '',
                              note: r.note ?? '',
                            })
                          }
                        >
                          {t('sarana.edit')}
                        </button>{' '}
                        <button type="button" className="link-button" aria-label={t('sarana.removeLabel', { item: r.itemName })} onClick={() => void removeLine(r)}>
                          {t('sarana.remove')}
                        </button>
                      </>
                    )}
                    {r.followUp && (
                      <>
                        {' '}
                        <a
                          className="btn btn-small"
                          aria-label={t('sarana.raiseFollowUpLabel', { description: r.followUp.description })}
                          href={href('tindak-lanjut/baru', { posyandu: r.followUp.posyanduId, opd: r.followUp.opdId, uraian: r.followUp.description })}
                        >
                          {t('sarana.raiseFollowUp')}
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayEdit && items && !draft && (
        <p>
          <button type="button" className="btn" onClick={() => open(EMPTY)}>
            {t('sarana.add')}
          </button>
        </p>
      )}
      {draft && items && (
        <form className="form sarana-form" onSubmit={(e) => void save(e, write)} aria-labelledby="sarana-form-title" noValidate>
          <h3 id="sarana-form-title" className="sub-title">
            {draft.id ? t('sarana.editTitle', { item: items.find((i) => i.id === draft.itemId)?.name ?? '' }) : t('sarana.addTitle')}
          </h3>
          {saveError && <ErrorBox message={saveError} />}
          <div className="form-row">
            <Field id="sarana-item" label={t('sarana.item')} className="grow">
              {(c) => (
                <select {...c} ref={firstRef} value={draft.itemId} onChange={(e) => set('itemId', e.target.value)} required>
                  <option value="">{t('sarana.itemChoose')}</option>
                  {choosable.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.kit ? `${i.name} (${t('sarana.kit')})` : i.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="sarana-quantity" label={t('sarana.quantity')} className="narrow">
              {(c) => <input {...c} type="number" min={0} step={1} inputMode="numeric" value={draft.quantity} onChange={(e) => set('quantity', e.target.value)} />}
            </Field>
            <Field id="sarana-condition" label={t('sarana.condition')}>
              {(c) => (
                <select {...c} value={draft.condition} onChange={(e) => set('condition', e.target.value as SaranaCondition)}>
                  {SARANA_CONDITIONS.map((k) => (
                    <option key={k} value={k}>
                      {t(`sarana.conditions.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="form-row">
            <Field id="sarana-received" label={t('sarana.receivedDate')} optional>
              {(c) => <DateInput {...c} value={draft.receivedDate} onChange={(v) => set('receivedDate', v)} />}
            </Field>
            <Field id="sarana-funding" label={t('sarana.fundingSource')} optional>
              {(c) => (
                <select {...c} value={draft.fundingSource} onChange={(e) => set('fundingSource', e.target.value as SaranaFunding | '')}>
                  <option value="">{t('sarana.fundingChoose')}</option>
                  {SARANA_FUNDING.map((k) => (
                    <option key={k} value={k}>
                      {t(`sarana.funding.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field id="sarana-note" label={t('sarana.note')} optional>
            {(c) => <input {...c} type="text" value={draft.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('sarana.save')}
            </button>
            <button type="button" className="btn" onClick={close}>
              {t('sarana.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
