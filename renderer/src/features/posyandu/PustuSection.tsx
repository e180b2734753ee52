import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { pustuInput } from '@shared/contract'
import { call } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { serverErrors, useFormState, type FieldErrors } from '../../components/form'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'

interface Values extends Record<string, unknown> {
  villageCode: string
  name: string
  address: string
}

/** The Pustu of the office's villages: a short list, and a line to add one. */
export function PustuSection() {
  const { t } = useTranslation()
  const toasts = useToasts()
  const list = useCall('pustu:list', {})
  const villages = useCall('site:villages', {})
  const vs = villages.data ?? []
  const form = useFormState<Values, typeof pustuInput>({ villageCode: '', name: '', address: '' }, pustuInput)
  const { values, set, errorOf } = form
  const [saving, setSaving] = useState(false)
  // The Pustu being corrected in the line below the list; null: the line adds a new one.
  const [editing, setEditing] = useState<string | null>(null)
  // One village (a kelurahan office): it is the Pustu's, nothing to choose.
  const villageCode = vs.length === 1 ? vs[0]!.code : values.villageCode

  async function add(e: React.FormEvent) {
    e.preventDefault()
    form.setSubmitted(true)
    const parsed = pustuInput.safeParse({ ...values, villageCode })
    if (!parsed.success) return
    setSaving(true)
    try {
      const saved = editing ? await call('pustu:update', { ...values, villageCode, id: editing }) : await call('pustu:create', { ...values, villageCode })
      toasts.push({ message: t('posyandu.pustuSaved', { name: saved.name }), tone: 'success' })
      form.reset({ villageCode: values.villageCode, name: '', address: '' })
      setEditing(null)
      list.reload()
    } catch (err) {
      form.setServer(serverErrors(err) as FieldErrors)
    } finally {
      setSaving(false)
    }
  }

  const rows = list.data ?? []
  return (
    <section className="card form-section" aria-labelledby="pustu-title">
      <h2 id="pustu-title" className="card-title">
        {t('posyandu.pustuTitle')}
      </h2>
      <p className="muted">{t('posyandu.pustuIntro')}</p>
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {list.data && rows.length === 0 && <p>{t('posyandu.pustuEmpty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label={t('posyandu.pustuTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('posyandu.pustuName')}</th>
                <th scope="col">{t('posyandu.colVillage')}</th>
                <th scope="col">{t('posyandu.address')}</th>
                <th scope="col" className="num">
                  {t('posyandu.pustuColPosyandu')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('posyandu.pustuActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td>{u.villageName}</td>
                  <td>{u.address ?? t('app.none')}</td>
                  <td className="num">{formatNumber(u.posyanduCount)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('posyandu.pustuEdit', { name: u.name })}
                      onClick={() => {
                        setEditing(u.id)
                        form.reset({ villageCode: u.villageCode, name: u.name, address: u.address ?? '' })
                        document.getElementById('pustu-name')?.focus()
                      }}
                    >
                      {t('app.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* Drawn once the villages are known: a kelurahan's one village is the Pustu's without asking. */}
      {villages.data && (
      <form className="form-row" onSubmit={(e) => void add(e)} aria-label={t('posyandu.pustuAdd')}>
        {vs.length > 1 && (
          <Field id="pustu-village" label={t('posyandu.pustuVillage')} error={errorOf('villageCode')}>
            {(c) => (
              <select {...c} value={values.villageCode} onChange={(e) => set('villageCode', e.target.value)}>
                <option value="">{t('posyandu.villageChoose')}</option>
                {vs.map((v) => (
                  <option key={v.code} value={v.code}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="pustu-name" label={t('posyandu.pustuName')} error={errorOf('name')} className="grow">
          {(c) => <input {...c} type="text" value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field id="pustu-address" label={t('posyandu.pustuAddress')} error={errorOf('address')} optional className="grow">
          {(c) => <input {...c} type="text" value={values.address} onChange={(e) => set('address', e.target.value)} />}
        </Field>
        <div className="field">
          <button type="submit" className="btn" disabled={saving}>
            {editing ? t('posyandu.pustuSave') : t('posyandu.pustuAdd')}
          </button>
          {editing && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(null)
                form.reset({ villageCode: values.villageCode, name: '', address: '' })
              }}
            >
              {t('app.cancel')}
            </button>
          )}
        </div>
      </form>
      )}
    </section>
  )
}
