// The competencies a training covers: the active catalogue's items as checkboxes, one group
// (A–E) per fieldset. Items whose wording is not yet checked against the official text say so.

import { useTranslation } from 'react-i18next'
import { codeRangeLabel, competencyCodes, type Catalogue } from '@shared/domain/competency'
import { FieldSet } from '../../components/Field'

export function CompetencyPicker(props: { id: string; catalogue: Catalogue; value: string[]; onChange: (next: string[]) => void; error: string | null }) {
  const { t } = useTranslation()
  const { catalogue, value, onChange } = props
  const order = competencyCodes(catalogue)
  const chosen = new Set(value)
  // Codes of a training recorded under an older catalogue stay visible, so they can be unticked.
  const foreign = value.filter((c) => !order.includes(c))

  const setCodes = (codes: string[], on: boolean) => {
    const next = new Set(value)
    for (const c of codes) {
      if (on) next.add(c)
      else next.delete(c)
    }
    // Catalogue order, whatever order they were ticked in; foreign codes last.
    onChange([...order.filter((c) => next.has(c)), ...foreign.filter((c) => next.has(c))])
  }

  const known = value.filter((c) => order.includes(c))
  return (
    <FieldSet id={props.id} legend={t('training.sectionCompetencies')} help={t('training.competenciesHelp')} error={props.error}>
      <p className="muted competency-chosen" aria-live="polite">
        {value.length === 0
          ? t('training.competenciesNone')
          : t('training.competenciesChosen', { n: value.length, label: [codeRangeLabel(catalogue, known), ...foreign].filter(Boolean).join(', ') })}
      </p>
      <div className="competency-groups">
        {catalogue.groups.map((g) => {
          const codes = g.items.map((i) => i.code)
          const all = codes.every((c) => chosen.has(c))
          return (
            <fieldset key={g.code} className="competency-group">
              <legend className="competency-group-title">
                <span className="mono">{g.code}</span> {g.name}
              </legend>
              <button type="button" className="link-button small" onClick={() => setCodes(codes, !all)}>
                {all ? t('training.groupNone', { code: g.code }) : t('training.groupAll', { code: g.code })}
              </button>
              {g.items.map((item) => (
                <label key={item.code} className="check competency-item">
                  <input type="checkbox" checked={chosen.has(item.code)} onChange={(e) => setCodes([item.code], e.target.checked)} />
                  <span>
                    <span className="mono competency-code">{item.code}</span> {item.text}
                    {!item.verified && (
                      <>
                        {' '}
                        <span className="badge badge-warning unverified" title={t('training.unverifiedHelp')}>
                          {t('training.unverified')}
                        </span>
                      </>
                    )}
                  </span>
                </label>
              ))}
            </fieldset>
          )
        })}
        {foreign.length > 0 && (
          <fieldset className="competency-group">
            <legend className="competency-group-title">{t('training.notInCatalogue')}</legend>
            {foreign.map((code) => (
              <label key={code} className="check competency-item">
                <input type="checkbox" checked onChange={() => setCodes([code], false)} />
                <span className="mono competency-code">{code}</span>
              </label>
            ))}
          </fieldset>
        )}
      </div>
    </FieldSet>
  )
}
