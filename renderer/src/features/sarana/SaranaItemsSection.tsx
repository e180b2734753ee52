// The equipment list (daftar sarana) in Pengaturan: reference data every office reads and only
// the Dinas extends; an item it adds travels down to every office in its paket.

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { WEWENANG } from '@shared/domain/paket'

export function SaranaItemsSection() {
  const { t } = useTranslation()
  const { site } = useApp()
  const toasts = useToasts()
  const items = useCall('sarana:items', { includeInactive: false }, [])
  const opds = useCall('opd:list', { includeInactive: false }, [])
  const [name, setName] = useState('')
  const [kit, setKit] = useState(false)
  const [opdId, setOpdId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const mayAdd = WEWENANG[site.level].includes('sarana_item')
  const opdName = new Map((opds.data ?? []).map((o) => [o.id, o.name]))

  async function add(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const saved = await call('sarana:itemCreate', { name, kit, opdId: opdId || null })
      toasts.push({ message: t('sarana.itemAdded', { name: saved.name }), tone: 'success' })
      setName('')
      setKit(false)
      setOpdId('')
      items.reload()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="set-sarana">
      <h2 id="set-sarana" className="card-title">
        {t('sarana.itemsTitle')}
      </h2>
      <p className="muted">{mayAdd ? t('sarana.itemsIntroKota') : t('sarana.itemsIntro')}</p>
      {items.status === 'error' && <ErrorBox message={items.error} onRetry={items.reload} />}
      {items.data && (
        <ul className="link-list" aria-label={t('sarana.itemsTitle')}>
          {items.data.map((i) => (
            <li key={i.id}>
              {i.name}
              {i.kit && <span className="muted"> ({t('sarana.kit')})</span>}
              {i.opdId && opdName.has(i.opdId) && <span className="muted"> · {opdName.get(i.opdId)}</span>}
            </li>
          ))}
        </ul>
      )}
      {mayAdd && (
        <form className="form" onSubmit={(e) => void add(e)} aria-labelledby="set-sarana-add" noValidate>
          <h3 id="set-sarana-add" className="sub-title">
            {t('sarana.itemAdd')}
          </h3>
          {error && <ErrorBox message={error} />}
          <div className="form-row">
            <Field id="sarana-item-name" label={t('sarana.itemName')} className="grow">
              {(c) => <input {...c} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field id="sarana-item-opd" label={t('sarana.itemOpd')} optional>
              {(c) => (
                <select {...c} value={opdId} onChange={(e) => setOpdId(e.target.value)}>
                  <option value="">{t('sarana.itemOpdNone')}</option>
                  {(opds.data ?? []).map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={kit} onChange={(e) => setKit(e.target.checked)} /> {t('sarana.itemKit')}
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('sarana.itemSave')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
