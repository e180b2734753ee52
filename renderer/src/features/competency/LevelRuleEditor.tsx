// Katalog keterampilan → Aturan tingkat. The Dinas (kota) edits the level rule, counts how many
// kader would change level before saving (a preview that writes nothing), and saves it as a
// new catalogue version that travels down in every paket. Other offices read the rule in force
// and who sets it.

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogueInfo, Input, LevelRulePreview } from '@shared/contract'
import { LEVEL_CODES, type Catalogue, type CatalogueLevel, type LevelCode } from '@shared/domain/competency'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../app/AppContext'

interface Draft {
  code: LevelCode
  required: string[]
  extra: string[]
  extraMin: string
  minTkk: string
}

function draftOf(c: Catalogue): Draft[] {
  return [...c.levels]
    .sort((a, b) => LEVEL_CODES.indexOf(a.code) - LEVEL_CODES.indexOf(b.code))
    .map((l) => ({
      code: l.code,
      required: [...l.requiresAllOf],
      extra: (l.plusAnyOf?.groups ?? []).filter((g) => !l.requiresAllOf.includes(g)),
      extraMin: l.plusAnyOf ? String(l.plusAnyOf.min) : '',
      minTkk: l.minTkk ? String(l.minTkk) : '',
    }))
}

/** The contract's input; an empty number field is "not used", a mistyped one goes to the core to be named. */
function inputOf(draft: Draft[]): Input<'competency:saveLevelRule'> {
  const num = (s: string) => (s.trim() === '' ? null : Number(s))
  return {
    levels: draft.map((d) => ({
      code: d.code,
      requiresAllOf: d.required,
      plusAnyOf: d.extra.length ? { groups: d.extra, min: num(d.extraMin) ?? 1 } : null,
      minTkk: num(d.minTkk),
    })),
  }
}

export function LevelRuleEditor({ info, ruleInWords, onSaved }: { info: CatalogueInfo; ruleInWords: (l: CatalogueLevel, c: Catalogue) => string; onSaved: (next: CatalogueInfo) => void }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const c = info.catalogue
  const [draft, setDraft] = useState<Draft[]>(() => draftOf(c))
  const [preview, setPreview] = useState<{ key: string; value: LevelRulePreview } | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const key = JSON.stringify(draft)
  const levels = [...c.levels].sort((a, b) => LEVEL_CODES.indexOf(a.code) - LEVEL_CODES.indexOf(b.code))

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  const levelName = (l: LevelCode | 'none') => t(`competency.levelFull.${l}`)

  if (site.level !== 'kota') {
    return (
      <section className="card" aria-labelledby="cat-levels" data-testid="level-rule">
        <h2 id="cat-levels" className="card-title">
          {t('competency.catalogue.levelsTitle')}
        </h2>
        <ul className="cm-rules">
          {levels.map((l) => (
            <li key={l.code}>
              <strong>{l.name}:</strong> {ruleInWords(l, c)}
            </li>
          ))}
        </ul>
        <p className="muted small">{t('competency.catalogue.setBy')}</p>
        <p className="muted small">{t('competency.catalogue.levelsNote')}</p>
      </section>
    )
  }

  function edit(i: number, change: Partial<Draft>) {
    setOutcome(null)
    setDraft((d) => d.map((x, j) => (j === i ? { ...x, ...change } : x)))
  }
  const toggle = (list: string[], g: string) => (list.includes(g) ? list.filter((x) => x !== g) : [...list, g].sort())

  async function run(kind: 'preview' | 'save') {
    setBusy(true)
    setOutcome(null)
    try {
      if (kind === 'preview') {
        setPreview({ key, value: await call('competency:previewLevelRule', inputOf(draft)) })
      } else {
        const next = await call('competency:saveLevelRule', inputOf(draft))
        setPreview(null)
        onSaved(next)
        setOutcome({ ok: true, message: t('competency.rule.saved', { version: next.catalogue.version }) })
      }
    } catch (e) {
      setOutcome({ ok: false, message: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const shown = preview && preview.key === key ? preview.value : null

  return (
    <section className="card" aria-labelledby="cat-levels" data-testid="level-rule">
      <h2 id="cat-levels" className="card-title">
        {t('competency.catalogue.levelsTitle')}
      </h2>
      <p>{t('competency.rule.intro')}</p>
      <div className="cm-rule-levels">
        {draft.map((d, i) => (
          <fieldset key={d.code} className="cm-rule-level" data-level={d.code}>
            <legend>{levelName(d.code)}</legend>
            <GroupChecks legend={t('competency.rule.required')} groups={c.groups} chosen={d.required} onToggle={(g) => edit(i, { required: toggle(d.required, g) })} />
            <GroupChecks legend={t('competency.rule.extra')} groups={c.groups} chosen={d.extra} onToggle={(g) => edit(i, { extra: toggle(d.extra, g) })} />
            <div className="cm-rule-numbers">
              <div className="field">
                <label htmlFor={`rule-${d.code}-extra-min`} className="field-label">
                  {t('competency.rule.extraMin')}
                </label>
                <input
                  id={`rule-${d.code}-extra-min`}
                  className="input-number"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  value={d.extraMin}
                  disabled={d.extra.length === 0}
                  onChange={(e) => edit(i, { extraMin: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`rule-${d.code}-min-tkk`} className="field-label">
                  {t('competency.rule.minTkk')}
                </label>
                <input
                  id={`rule-${d.code}-min-tkk`}
                  className="input-number"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  value={d.minTkk}
                  onChange={(e) => edit(i, { minTkk: e.target.value })}
                />
              </div>
            </div>
          </fieldset>
        ))}
      </div>
      <div className="inline-actions" style={{ marginTop: 8 }}>
        <button type="button" className="btn" disabled={busy} onClick={() => void run('preview')}>
          {busy ? t('competency.rule.previewing') : t('competency.rule.preview')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy || !shown} onClick={() => void run('save')}>
          {busy ? t('competency.rule.saving') : t('competency.rule.save')}
        </button>
      </div>
      {!shown && <p className="muted small">{t('competency.rule.previewFirst')}</p>}
      {shown && (
        <div className="notice" data-testid="level-rule-preview" aria-live="polite">
          <h3>{t('competency.rule.previewTitle')}</h3>
          <p data-testid="level-rule-summary">{t('competency.rule.previewSummary', { n: shown.kaderCount, up: shown.up, down: shown.down })}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('competency.rule.colLevel')}</th>
                <th scope="col">{t('competency.rule.colBefore')}</th>
                <th scope="col">{t('competency.rule.colAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.levels.map((l) => (
                <tr key={l.level} data-level={l.level}>
                  <th scope="row">{levelName(l.level)}</th>
                  <td className="num">{l.before}</td>
                  <td className="num">{l.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="cm-rules">
            {shown.moves.length === 0 && <li>{t('competency.rule.noMoves')}</li>}
            {shown.moves.map((m) => (
              <li key={`${m.from} ${m.to}`}>{t('competency.rule.move', { count: m.count, from: levelName(m.from), to: levelName(m.to) })}</li>
            ))}
          </ul>
        </div>
      )}
      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" data-testid="level-rule-outcome">
        {outcome &&
          (outcome.ok ? (
            <p className="ok-note">{outcome.message}</p>
          ) : (
            <div className="error-box">
              <p className="error-box-title">{t('competency.rule.failedTitle')}</p>
              <p>{outcome.message}</p>
            </div>
          ))}
      </div>
      <p className="muted small">{t('competency.catalogue.levelsNote')}</p>
    </section>
  )
}

/** The catalogue's groups as ticks: the required ones, or those N of which are also needed. */
function GroupChecks({ legend, groups, chosen, onToggle }: { legend: string; groups: Catalogue['groups']; chosen: readonly string[]; onToggle: (code: string) => void }) {
  return (
    <fieldset className="cm-rule-groups">
      <legend>{legend}</legend>
      <div className="check-grid">
        {groups.map((g) => (
          <label key={g.code} className="check">
            <input type="checkbox" checked={chosen.includes(g.code)} onChange={() => onToggle(g.code)} />
            <span>
              {g.code} · {g.name}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
