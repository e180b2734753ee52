// The equipment list (daftar sarana) in Pengaturan: reference data every office reads and only
// the Dinas keeps. What it adds, renames or stops offering travels down to every office in its
// paket; an item no longer offered stays on the Posyandu that have it.

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SaranaItem } from '@shared/contract'
import { WEWENANG } from '@shared/domain/paket'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { ActiveBadge, ActiveRowActions } from '../../components/ActiveRowActions'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'

export function SaranaItemsSection() {
  const { t } = useTranslation()
  const { site } = useApp()
  const toasts = useToasts()
  const mayChange = WEWENANG[site.level].includes('sarana_item')
  // The Dinas sees the items it stopped offering too, to offer them again.
  const items = useCall('sarana:items', { includeInactive: mayChange }, [mayChange])
  const opds = useCall('opd:list', { includeInactive: false }, [])
  // null: adding; an item: editing it.
  const [editing, setEditing] = useState<SaranaItem | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const opdName = new Map((opds.data ?? []).map((o) => [o.id, o.name]))

  async function toggle(i: SaranaItem) {
    setBusy(i.id)
    try {
      const saved = await call('sarana:itemUpdate', { id: i.id, name: i.name, kit: i.kit, opdId: i.opdId, active: !i.active })
      toasts.push({ message: t(saved.active ? 'sarana.itemActivated' : 'sarana.itemDeactivated', { name: saved.name }), tone: 'success' })
      items.reload()
    } catch (err) {
      toasts.push({ message: errorMessage(err), tone: 'error' })
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="card" aria-labelledby="set-sarana">
      <h2 id="set-sarana" className="card-title">
        {t('sarana.itemsTitle')}
      </h2>
      <p className="muted">{mayChange ? t('sarana.itemsIntroKota') : t('sarana.itemsIntro')}</p>
      {items.status === 'error' && <ErrorBox message={items.error} onRetry={items.reload} />}
      {items.data && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('sarana.itemsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sarana.itemName')}</th>
                <th scope="col">{t('sarana.itemOpd')}</th>
                {mayChange && <th scope="col">{t('sarana.itemStatus')}</th>}
                {mayChange && <th scope="col">{t('sarana.itemActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.data.map((i) => (
                <tr key={i.id} className={i.active ? undefined : 'row-muted'}>
                  <th scope="row">
                    {i.name}
                    {i.kit && <span className="muted"> ({t('sarana.kit')})</span>}
                  </th>
                  <td>{(i.opdId && opdName.get(i.opdId)) || <span className="muted">{t('sarana.itemOpdNone')}</span>}</td>
                  {mayChange && (
                    <td>
                      <ActiveBadge active={i.active} />
                    </td>
                  )}
                  {mayChange && (
                    <td>
                      <ActiveRowActions name={i.name} active={i.active} onEdit={() => setEditing(i)} onToggle={() => void toggle(i)} toggleBusy={busy === i.id} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayChange && (
        <ItemForm
          key={editing?.id ?? 'add'}
          item={editing}
          opds={opds.data ?? []}
          onDone={() => {
            setEditing(null)
            items.reload()
          }}
        />
      )}
    </section>
  )
}

/** Adds an item, or edits `item` (its name, OPD and kit flag). */
function ItemForm({ item, opds, onDone }: { item: SaranaItem | null; opds: { id: string; name: string }[]; onDone: () => void }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const [name, setName] = useState(item?.name ?? '')
  const [kit, setKit] = useState(item?.kit ?? false)
  const [opdId, setOpdId] = useState(item?.opdId ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const heading = item ? t('sarana.itemEditTitle', { name: item.name }) : t('sarana.itemAdd')

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const values = { name, kit, opdId: opdId || null }
      const saved = item ? await call('sarana:itemUpdate', { ...values, id: item.id, active: item.active }) : await call('sarana:itemCreate', values)
      toasts.push({ message: t(item ? 'sarana.itemSaved' : 'sarana.itemAdded', { name: saved.name }), tone: 'success' })
      onDone()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} aria-labelledby="set-sarana-form" noValidate>
      <h3 id="set-sarana-form" className="sub-title">
        {heading}
      </h3>
      {error && <ErrorBox message={error} />}
      <div className="form-row">
        <Field id="sarana-item-name" label={t('sarana.itemName')} className="grow">
          {(c) => <input {...c} type="text" value={name} autoFocus={item !== null} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="sarana-item-opd" label={t('sarana.itemOpd')} optional>
          {(c) => (
            <select {...c} value={opdId} onChange={(e) => setOpdId(e.target.value)}>
              <option value="">{t('sarana.itemOpdNone')}</option>
              {opds.map((o) => (
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
          {item ? t('sarana.itemSaveEdit') : t('sarana.itemSave')}
        </button>
        {item && (
          <button type="button" className="btn" onClick={onDone}>
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
