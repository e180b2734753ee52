import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { formatDate } from '../i18n/format'
import { useApp, useOfficeKind } from './AppContext'
import { useRoute, type Route } from './router'
import { PageHeading } from '../components/PageHeading'
import { useCall } from '../components/useCall'
import { BerandaPage } from '../features/beranda/BerandaPage'
import { PosyanduListPage } from '../features/posyandu/PosyanduListPage'
import { PosyanduFormPage } from '../features/posyandu/PosyanduFormPage'
import { KaderRosterPage } from '../features/kader/KaderRosterPage'
import { KaderDetailPage } from '../features/kader/KaderDetailPage'
import { KaderFormPage } from '../features/kader/KaderFormPage'
import { KaderImportPage } from '../features/kader-impor/KaderImportPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { TrainingListPage } from '../features/training/TrainingListPage'
import { TrainingFormPage } from '../features/training/TrainingFormPage'
import { TrainingDetailPage } from '../features/training/TrainingDetailPage'
import { CompetencyPage } from '../features/competency/CompetencyPage'
import { TrainingNeedsPage } from '../features/competency/TrainingNeedsPage'
import { CataloguePage } from '../features/competency/CataloguePage'
import { TrainingAssessPage } from '../features/competency/TrainingAssessPage'
import { MeetingListPage } from '../features/meeting/MeetingListPage'
import { MeetingFormPage } from '../features/meeting/MeetingFormPage'
import { MeetingDetailPage } from '../features/meeting/MeetingDetailPage'
import { FollowUpListPage } from '../features/follow-up/FollowUpListPage'
import { FollowUpFormPage } from '../features/follow-up/FollowUpFormPage'
import { FollowUpDetailPage } from '../features/follow-up/FollowUpDetailPage'
import { OpdBoardPage } from '../features/follow-up/OpdBoardPage'
import { SearchPage } from '../features/search/SearchPage'
import { OpdSettingsPage } from '../features/opd/OpdSettingsPage'
import { KunciPage } from '../features/kunci/KunciPage'
import { PaketPage } from '../features/paket/PaketPage'
import { RekapPage } from '../features/rekap/RekapPage'
import { RecoveryCodeNotice } from '../features/cadangan/RecoveryCodeNotice'

const NAV = [
  { key: 'beranda', path: '' },
  { key: 'posyandu', path: 'posyandu' },
  { key: 'kader', path: 'kader' },
  { key: 'pelatihan', path: 'pelatihan', also: ['kompetensi'] },
  { key: 'rapat', path: 'rapat', also: ['tindak-lanjut'] },
  { key: 'paket', path: 'paket' },
  { key: 'rekap', path: 'rekap' },
  { key: 'pengaturan', path: 'pengaturan' },
] as const

function page(route: Route) {
  const [a = '', b, c] = route.parts
  switch (a) {
    case '':
      return <BerandaPage />
    case 'posyandu':
      if (!b) return <PosyanduListPage />
      if (b === 'baru') return <PosyanduFormPage id={null} />
      if (c === 'ubah') return <PosyanduFormPage id={b} />
      break
    case 'kader':
      if (!b) return <KaderRosterPage query={route.query} />
      if (b === 'baru') return <KaderFormPage id={null} />
      if (b === 'impor' && !c) return <KaderImportPage />
      if (c === 'ubah') return <KaderFormPage id={b} />
      if (!c) return <KaderDetailPage id={b} />
      break
    case 'pelatihan':
      if (!b) return <TrainingListPage query={route.query} />
      if (b === 'baru') return <TrainingFormPage id={null} />
      if (c === 'ubah') return <TrainingFormPage id={b} />
      if (c === 'penilaian') return <TrainingAssessPage trainingId={b} />
      if (!c) return <TrainingDetailPage id={b} />
      break
    case 'kompetensi':
      if (!b) return <CompetencyPage query={route.query} />
      if (b === 'kebutuhan') return <TrainingNeedsPage query={route.query} />
      if (b === 'katalog') return <CataloguePage />
      break
    case 'rapat':
      if (!b) return <MeetingListPage query={route.query} />
      if (b === 'baru') return <MeetingFormPage id={null} />
      if (b === 'cari') return <SearchPage query={route.query} />
      if (c === 'ubah') return <MeetingFormPage id={b} />
      if (!c) return <MeetingDetailPage id={b} />
      break
    case 'tindak-lanjut':
      if (!b) return <FollowUpListPage query={route.query} />
      if (b === 'baru') return <FollowUpFormPage id={null} query={route.query} />
      if (b === 'papan') return <OpdBoardPage />
      if (c === 'ubah') return <FollowUpFormPage id={b} query={route.query} />
      if (!c) return <FollowUpDetailPage id={b} />
      break
    case 'paket':
      return <PaketPage tab={b} />
    case 'rekap':
      return <RekapPage query={route.query} />
    case 'pengaturan':
      if (b === 'opd') return <OpdSettingsPage />
      if (b === 'kunci') return <KunciPage />
      return <SettingsPage />
  }
  return <NotFound />
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <PageHeading>{t('errors.notFoundPage')}</PageHeading>
      <p>
        <a className="btn" href="#/">
          {t('errors.goHome')}
        </a>
      </p>
    </div>
  )
}

/** Shown until read when this PC took a new identity (a copied database or a restored backup). */
function IdentityNotice() {
  const { t } = useTranslation()
  const { site, setSite } = useApp()
  const [busy, setBusy] = useState(false)
  const r = site.identityRenewal
  if (!r) return null
  return (
    <section className="notice identity-notice" role="alert" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity.title')}</h2>
      <p>{t(`identity.${r.reason}`, { date: formatDate(r.at) })}</p>
      <p>{t('identity.todo')}</p>
      <p className="actions">
        <a className="btn" href="#/pengaturan/kunci">
          {t('identity.openKeys')}
        </a>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void call('site:acknowledgeRenewal', {})
              .then(setSite)
              .catch(() => undefined) // the notice stays; the next start shows it again
              .finally(() => setBusy(false))
          }}
        >
          {t('identity.understood')}
        </button>
      </p>
    </section>
  )
}

export function Shell() {
  const { t } = useTranslation()
  const { site } = useApp()
  const officeKind = useOfficeKind()
  const route = useRoute()
  const current = route.parts[0] ?? ''
  // Asked again on every move, so a follow-up closed on one screen leaves the menu right away.
  const followUps = useCall('beranda:followUps', {}, [route.key])
  const overdue = followUps.data?.overdue ?? 0
  // The form and detail routes of a section remount on every hash change, so their state is fresh.
  const pageKey = route.parts.join('/')
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault()
        document.getElementById('main')?.focus()
      }}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <svg className="brand-mark" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
            <circle cx="14" cy="14" r="13" fill="currentColor" opacity="0.15" />
            <path d="M14 6c-3 4-6 6.5-6 10a6 6 0 0 0 12 0c0-3.5-3-6-6-10z" fill="currentColor" />
          </svg>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="office" aria-label={t('header.office')}>
          <span className="office-name">{site.name}</span>
          <span className="office-area">
            {officeKind} · {site.areaPath}
          </span>
        </div>
      </header>
      <nav className="side-nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.key}>
              <a href={`#/${item.path}`} aria-current={current === item.path || ('also' in item && (item.also as readonly string[]).includes(current)) ? 'page' : undefined}>
                {t(`nav.${item.key}`)}
                {item.key === 'rapat' && overdue > 0 && (
                  <>
                    <span className="nav-badge" aria-hidden="true" title={t('nav.overdue', { count: overdue })}>
                      {overdue}
                    </span>
                    <span className="sr-only">{`, ${t('nav.overdue', { count: overdue })}`}</span>
                  </>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <IdentityNotice />
        <RecoveryCodeNotice />
        <div key={pageKey} className="page-wrap">
          {page(route)}
        </div>
      </main>
    </div>
  )
}
