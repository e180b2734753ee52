// The grid of the class sheet: one row per participant, one column per competency, and the
// level each participant would reach with what is typed so far.

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { MatrixRow, Training } from '@shared/contract'
import { levelOf, LEVEL_CODES, type Catalogue, type LevelCode } from '@shared/domain/competency'
import type { CatalogueItem } from './catalogue'
import { currentSets, loadKaderCompetencies } from './kaderCompetencies'
import { LevelBadge } from './LevelBadge'
import { cellKey, type AssessCells } from './useAssessCells'

type Participant = Training['participants'][number]

function rank(l: LevelCode | null): number {
  return l === null ? -1 : LEVEL_CODES.indexOf(l)
}

const groupStart = (columns: CatalogueItem[], c: number) => c === 0 || columns[c - 1]!.groupCode !== columns[c]!.groupCode

export function AssessGrid({
  rows,
  columns,
  catalogue,
  grid,
  tableRef,
}: {
  rows: Participant[]
  columns: CatalogueItem[]
  catalogue: Catalogue
  grid: AssessCells
  tableRef: RefObject<HTMLTableElement | null>
}) {
  const { t } = useTranslation()
  const [people, setPeople] = useState<Map<string, MatrixRow>>(new Map())
  // A click cycles a cell only when it already had the focus: the first click into the grid just lands.
  const clickCycles = useRef(false)

  useEffect(() => {
    let live = true
    void loadKaderCompetencies(rows.map((p) => p.kaderId)).then((m) => live && setPeople(m))
    return () => {
      live = false
    }
  }, [rows])

  const sets = useMemo(() => new Map(rows.map((p) => [p.kaderId, currentSets(people.get(p.kaderId))])), [rows, people])

  return (
    <table
      ref={tableRef}
      className="cm-assess"
      role="grid"
      aria-label={t('competency.assess.gridLabel')}
      aria-describedby="as-keys"
      aria-rowcount={rows.length + 1}
      onKeyDown={grid.onGridKey}
    >
      <thead>
        <tr>
          <th scope="col" className="cm-pcol">
            {t('competency.assess.colParticipant')}
          </th>
          {columns.map((col, c) => {
            const title = `${col.code} · ${col.text}${col.verified ? '' : ` (${t('competency.unverified')})`}`
            return (
              <th key={col.code} scope="col" className={`cm-assess-code ${groupStart(columns, c) ? 'cm-gstart' : ''}`} title={title} aria-label={title}>
                {col.code}
                {!col.verified && (
                  <span className="cm-unverified" aria-hidden="true">
                    †
                  </span>
                )}
              </th>
            )
          })}
          <th scope="col" className="cm-preview">
            {t('competency.assess.colLevel')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p, r) => (
          <AssessRow
            key={p.kaderId}
            participant={p}
            r={r}
            columns={columns}
            catalogue={catalogue}
            held={sets.get(p.kaderId) ?? { competent: new Set<string>(), notYet: new Set<string>() }}
            now={people.get(p.kaderId)?.level ?? p.level}
            grid={grid}
            clickCycles={clickCycles}
          />
        ))}
      </tbody>
    </table>
  )
}

function AssessRow({
  participant: p,
  r,
  columns,
  catalogue,
  held,
  now,
  grid,
  clickCycles,
}: {
  participant: Participant
  r: number
  columns: CatalogueItem[]
  catalogue: Catalogue
  held: { competent: Set<string> }
  now: LevelCode | null
  grid: AssessCells
  clickCycles: RefObject<boolean>
}) {
  const { t } = useTranslation()
  const { cells, active } = grid
  const resultWord = {
    kompeten: t('competency.result.kompeten'),
    belum_kompeten: t('competency.result.belum_kompeten'),
  }
  const after = new Set(held.competent)
  let touched = false
  for (const col of columns) {
    const v = cells[cellKey(p.kaderId, col.code)]
    if (v === 'kompeten') after.add(col.code)
    else if (v === 'belum_kompeten') after.delete(col.code)
    if (v) touched = true
  }
  const projected = touched ? levelOf(catalogue, after) : now
  const up = rank(projected) > rank(now)

  return (
    <tr className={r === active.r ? 'is-active-row' : ''} data-kader={p.kaderId}>
      <th scope="row" className="cm-pcol">
        <span className="row-name">{p.name}</span>
        <span className="row-sub">
          <span>{p.posyanduName}</span>
          <LevelBadge level={now} />
        </span>
      </th>
      {columns.map((col, c) => {
        const v = cells[cellKey(p.kaderId, col.code)]
        const isHeld = held.competent.has(col.code)
        const isActive = r === active.r && c === active.c
        const state = v ? resultWord[v] : isHeld ? t('competency.assess.emptyHeld') : t('competency.assess.empty')
        return (
          <td
            key={col.code}
            role="gridcell"
            data-cell={`${r}:${c}`}
            data-code={col.code}
            data-value={v ?? ''}
            tabIndex={isActive ? 0 : -1}
            aria-label={`${col.code}: ${state}`}
            aria-selected={isActive}
            className={`cm-acell ${v ? `cm-${v}` : isHeld ? 'cm-held' : ''} ${isActive ? 'is-active' : ''} ${groupStart(columns, c) ? 'cm-gstart' : ''}`}
            title={`${p.name} · ${col.code}: ${state}`}
            onMouseDown={(e) => {
              clickCycles.current = document.activeElement === e.currentTarget
            }}
            onClick={() => {
              if (isActive && clickCycles.current) grid.cycle(r, c)
              else grid.move(r, c)
            }}
            onFocus={() => !isActive && grid.setActive({ r, c })}
          >
            {v === 'kompeten' ? '✓' : v === 'belum_kompeten' ? '✗' : isHeld ? '✓' : ''}
          </td>
        )
      })}
      <td className="cm-preview">
        {projected === now ? (
          <LevelBadge level={now} />
        ) : (
          <span className={up ? 'cm-up' : 'cm-down'}>
            {up ? '▲ ' : '▼ '}
            {t(up ? 'competency.assess.levelUp' : 'competency.assess.levelDown', {
              to: t(`competency.levelName.${projected ?? 'none'}`),
            })}
          </span>
        )}
      </td>
    </tr>
  )
}
