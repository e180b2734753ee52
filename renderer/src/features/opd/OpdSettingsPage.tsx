import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { opdInput, type Opd, type SpmField } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Field, FieldSet } from '../../components/Field'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { focusFirstInvalid, serverErrors, useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { SpmCheckboxes, SpmChips } from '../../components/SpmChips'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { ActiveBadge, ActiveRowActions } from '../../components/ActiveRowActions'

interface Values extends Record<string, unknown> {
  name: string
  spmFields: SpmField[]
  active: boolean
}

type Editing = { mode: 'add' } | { mode: 'edit'; opd: Opd } | null

export function OpdSettingsPage(_props: Record<string, never>) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const list = useCall('opd:list', { includeInactive: true })
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const addRef = useRef<HTMLButtonElement>(null)

  async function toggle(o: Opd) {
    setBusy(o.id)
    try {
      const saved = await call('opd:update', { id: o.id, name: o.name, spmFields: o.spmFields, active: !o.active })
      toasts.push({ message: t(saved.active ? 'followUp.opd.activated' : 'followUp.opd.deactivated', { name: saved.name }), tone: 'success' })
      list.reload()
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    } finally {
      setBusy(null)
    }
  }

  const rows = list.data ? [...list.data].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id')) : null

  return (
    <div className="page fu-page">
      <p className="back-link">
        <a href={href('pengaturan')}>← {t('followUp.opd.backToSettings')}</a>
      </p>
      <div className="page-head">
        <PageHeading>{t('followUp.opd.title')}</PageHeading>
        <button ref={addRef} type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'add' })} disabled={editing !== null}>
          {t('followUp.opd.add')}
        </button>
      </div>
      <p className="lead">{t('followUp.opd.intro')}</p>
      <p className="muted small">{t('followUp.opd.inactiveHelp')}</p>
      {editing && (
        <OpdForm
          key={editing.mode === 'edit' ? editing.opd.id : 'add'}
          opd={editing.mode === 'edit' ? editing.opd : null}
          onDone={(saved) => {
            setEditing(null)
            if (saved) list.reload()
          }}
        />
      )}
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {!rows && list.status === 'loading' && <Loading />}
      {rows && (
        <div className="table-wrap card">
          <table className="table opd-table" aria-label={t('followUp.opd.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('followUp.opd.colName')}</th>
                <th scope="col">{t('followUp.opd.colSpm')}</th>
                <th scope="col">{t('followUp.opd.colActive')}</th>
                <th scope="col">{t('followUp.opd.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} className={o.active ? undefined : 'row-muted'}>
                  <th scope="row">{o.name}</th>
                  <td>{o.spmFields.length ? <SpmChips fields={o.spmFields} /> : <span className="muted">{t('followUp.opd.none')}</span>}</td>
                  <td>
                    <ActiveBadge active={o.active} />
                  </td>
                  <td>
                    <ActiveRowActions
                      name={o.name}
                      active={o.active}
                      onEdit={() => setEditing({ mode: 'edit', opd: o })}
                      onToggle={() => void toggle(o)}
                      editDisabled={editing !== null}
                      toggleBusy={busy === o.id}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function OpdForm({ opd, onDone }: { opd: Opd | null; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const formRef = useRef<HTMLFormElement>(null)
  const [saving, setSaving] = useState(false)
  const form = useFormState<Values, typeof opdInput>({ name: opd?.name ?? '', spmFields: opd?.spmFields ?? [], active: opd?.active ?? true }, opdInput)
  const { values, set, touch, errorOf } = form
  const { cancel, dialog } = useDiscardGuard(form.dirty && !saving, () => onDone(false))

  async function save() {
    if (saving) return
    form.setSubmitted(true)
    if (!form.parsed.success) {
      focusFirstInvalid(formRef.current)
      return
    }
    setSaving(true)
    try {
      const saved = opd ? await call('opd:update', { ...form.parsed.data, id: opd.id }) : await call('opd:create', form.parsed.data)
      form.setBaseline(values)
      toasts.push({ message: t(opd ? 'followUp.opd.saved' : 'followUp.opd.added', { name: saved.name }), tone: 'success' })
      onDone(true)
    } catch (e) {
      form.setServer(serverErrors(e))
      focusFirstInvalid(formRef.current)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="card" aria-labelledby="opd-form-title">
      <h2 id="opd-form-title" className="card-title">
        {opd ? t('followUp.opd.editTitle', { name: opd.name }) : t('followUp.opd.addTitle')}
      </h2>
      <EditForm formRef={formRef} onSave={() => void save()} onCancel={cancel}>
        <Field id="opd-name" label={t('followUp.opd.fieldName')} help={t('followUp.opd.nameHelp')} error={errorOf('name')}>
          {(c) => (
            // The form opens on a click meant to type a name: the field is where the person is going.
            <input {...c} type="text" autoFocus autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} onBlur={() => touch('name')} />
          )}
        </Field>
        <FieldSet id="opd-spm" legend={t('followUp.opd.fieldSpm')} help={t('followUp.opd.spmHelp')} error={errorOf('spmFields')}>
          <SpmCheckboxes value={values.spmFields} onChange={(next) => set('spmFields', next)} />
        </FieldSet>
        <FormFooter showFixErrors={form.submitted && !form.parsed.success} formError={errorOf('_form')} saving={saving} onCancel={cancel} />
      </EditForm>
      {dialog}
    </section>
  )
}
