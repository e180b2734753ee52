// The recap as a table that opens like a tree: kecamatan → kelurahan → Posyandu. Only the rows
// of opened nodes are drawn, so a kota's 1,100 kelurahan cost nothing until someone opens them.
// Each openable name is a real button with aria-expanded (Tab, Enter, Space), so the table stays
// a plain table for screen readers and the keyboard.

import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Rekap, RekapCounts, RekapNode } from '@shared/contract'
import { formatNumber } from '../../i18n/format'
import { AgeBadge, useNodeLabel } from './rekapParts'

interface Row {
  node: RekapNode
  depth: number
}

function visibleRows(nodes: RekapNode[], open: ReadonlySet<string>, depth = 0, out: Row[] = []): Row[] {
  for (const node of nodes) {
    out.push({ node, depth })
    if (node.children.length > 0 && open.has(node.code)) visibleRows(node.children, open, depth + 1, out)
  }
  return out
}

/** TKK per active kader, one decimal ("3,2"). */
export function tkkPerKader(c: Pick<RekapCounts, 'tkk' | 'activeKader'>): string {
  return (c.activeKader > 0 ? c.tkk / c.activeKader : 0).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
}

function CountCells({ c }: { c: RekapCounts }) {
  const { t } = useTranslation()
  return (
    <>
      <td className="num">{formatNumber(c.posyandu)}</td>
      <td className="num">{formatNumber(c.registeredPosyandu)}</td>
      <td className="num">{formatNumber(c.activeKader)}</td>
      <td className="num">{formatNumber(c.levels.none)}</td>
      <td className="num">{formatNumber(c.levels.purwa)}</td>
      <td className="num">{formatNumber(c.levels.madya)}</td>
      <td className="num">{formatNumber(c.levels.utama)}</td>
      <td
        className="num rk-tkk"
        title={t('rekap.tkkCellLong', {
          tkk: formatNumber(c.tkk),
          kader: formatNumber(c.kaderWithTkk),
          groups: c.groups.map((g) => `${g.code} ${formatNumber(g.complete)}`).join(', '),
        })}
      >
        {tkkPerKader(c)}
      </td>
      <td className="num">{formatNumber(c.trainings)}</td>
      <td className="num">{formatNumber(c.meetings)}</td>
      <td className="num">{formatNumber(c.followUpsOpen)}</td>
      <td className={`num${c.followUpsOverdue > 0 ? ' rk-late' : ''}`}>
        {c.followUpsOverdue > 0 && <span aria-hidden="true">⚠ </span>}
        {formatNumber(c.followUpsOverdue)}
      </td>
    </>
  )
}

export function RekapTree({ rekap }: { rekap: Rekap }) {
  const { t } = useTranslation()
  const nodeLabel = useNodeLabel()
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set())
  const rows = useMemo(() => visibleRows(rekap.nodes, open), [rekap.nodes, open])
  const toggle = (code: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(code)) next.delete(code)
      else next.add(code)
      return next
    })
  const openable = rekap.nodes.filter((n) => n.children.length > 0)

  return (
    <section className="card rk-tree-card" aria-labelledby="rk-tree-title">
      <div className="rk-tree-head">
        <h2 id="rk-tree-title" className="card-title">
          {t('rekap.treeTitle')}
        </h2>
        <div className="rk-tree-actions">
          {rekap.nodes.some((n) => n.kind === 'kecamatan') && (
            <button type="button" className="btn btn-small" onClick={() => setOpen(new Set(openable.map((n) => n.code)))}>
              {t('rekap.expandAll')}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => setOpen(new Set())} disabled={open.size === 0}>
            {t('rekap.collapseAll')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('rekap.treeHint')}</p>
      <div className="table-wrap rk-table-wrap">
        <table className="table rk-table" aria-label={t('rekap.treeLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('rekap.colArea')}</th>
              <th scope="col" className="num">
                {t('rekap.colPosyandu')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colRegistered')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colKader')}
              </th>
              <th scope="col" className="num">
                <abbr title={t('rekap.colNoneLong')}>{t('rekap.colNone')}</abbr>
              </th>
              <th scope="col" className="num">
                {t('rekap.colPurwa')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colMadya')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colUtama')}
              </th>
              <th scope="col" className="num">
                <abbr title={t('rekap.colTkkLong')}>{t('rekap.colTkk')}</abbr>
              </th>
              <th scope="col" className="num">
                {t('rekap.colTrainings')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colMeetings')}
              </th>
              <th scope="col" className="num">
                <abbr title={t('rekap.colOpenLong')}>{t('rekap.colOpen')}</abbr>
              </th>
              <th scope="col" className="num">
                {t('rekap.colOverdue')}
              </th>
              <th scope="col">{t('rekap.colPaket')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, depth }) => {
              const expanded = open.has(node.code)
              const label = nodeLabel(node)
              const silent = node.kind !== 'posyandu' && node.lastBundleAt === null
              return (
                <tr key={`${node.kind}:${node.code}`} className={`rk-row rk-${node.kind}${silent ? ' rk-silent' : ''}`} data-code={node.code}>
                  <th scope="row" className={`rk-name rk-depth-${depth}`}>
                    {node.children.length > 0 ? (
                      <button type="button" className="rk-toggle" aria-expanded={expanded} onClick={() => toggle(node.code)}>
                        <span className="rk-caret" aria-hidden="true">
                          {expanded ? '▾' : '▸'}
                        </span>
                        {label}
                      </button>
                    ) : (
                      <span className="rk-leaf">
                        {label}
                        {node.kind === 'posyandu' && node.posyandu === 0 && <span className="muted small"> ({t('rekap.inactive')})</span>}
                      </span>
                    )}
                  </th>
                  <CountCells c={node} />
                  <td>{node.kind !== 'posyandu' && <AgeBadge ageDays={node.ageDays} lastBundleAt={node.lastBundleAt} />}</td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr className="rk-total">
              <th scope="row">{t('rekap.total')}</th>
              <CountCells c={rekap.total} />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  )
}
