// The one typed contract between the UI and the core. Each entry is a call `feature:verb`
// with a zod input (validated in main for every call: the renderer is untrusted) and an
// output type. The same map is served over Electron IPC and over the HTTP bridge.
// Outputs are plain JSON-safe data: dates "YYYY-MM-DD", instants ISO-8601 strings.
//
// A feature's contract lives in shared/contract/<feature>.ts (named like its folder under
// electron/core/features): its output types, its zod inputs and its map of channels, together.
// common.ts holds the field schemas they share. To add a feature: write <feature>.ts with
// `export const <feature>Channels = { ... } as const`, spread it into `contract` below, list it
// in `FeatureMaps`, and re-export the file. Callers keep importing only `shared/contract`.

import type { z } from 'zod'
import { appChannels } from './app'
import { areaChannels } from './area'
import { berandaChannels } from './beranda'
import { berkasRusakChannels } from './berkas-rusak'
import { cadanganChannels } from './cadangan'
import { competencyChannels } from './competency'
import { eksporChannels } from './ekspor'
import { followUpChannels } from './follow-up'
import { kaderChannels } from './kader'
import { kaderImporChannels } from './kader-impor'
import { kunciChannels } from './kunci'
import { meetingChannels } from './meeting'
import { opdChannels } from './opd'
import { paketChannels } from './paket'
import { posyanduChannels } from './posyandu'
import { printChannels } from './print'
import { rekapChannels } from './rekap'
import { riwayatChannels } from './riwayat'
import { saranaChannels } from './sarana'
import { insentifChannels } from './insentif'
import { searchChannels } from './search'
import { settingsChannels } from './settings'
import { siteChannels } from './site'
import { trainingChannels } from './training'

export * from './app'
export * from './area'
export * from './beranda'
export * from './berkas-rusak'
export * from './cadangan'
export * from './competency'
export * from './ekspor'
export * from './follow-up'
export * from './kader'
export * from './kader-impor'
export * from './kunci'
export * from './meeting'
export * from './opd'
export * from './paket'
export * from './posyandu'
export * from './print'
export * from './rekap'
export * from './riwayat'
export * from './sarana'
export * from './insentif'
export * from './search'
export * from './settings'
export * from './site'
export * from './training'
export { phoneSchema } from './common'

export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...siteChannels,
  ...areaChannels,
  ...berandaChannels,
  ...posyanduChannels,
  ...kaderChannels,
  ...kaderImporChannels,
  ...eksporChannels,
  ...competencyChannels,
  ...trainingChannels,
  ...printChannels,
  ...opdChannels,
  ...meetingChannels,
  ...followUpChannels,
  ...paketChannels,
  ...kunciChannels,
  ...rekapChannels,
  ...searchChannels,
  ...cadanganChannels,
  ...berkasRusakChannels,
  ...riwayatChannels,
  ...saranaChannels,
  ...insentifChannels,
} as const

/**
 * A spread lets a later map silently replace an earlier map's channel of the same name (one
 * object literal made that a compile error). This names any channel two feature maps share.
 */
type FeatureMaps = [
  typeof appChannels,
  typeof settingsChannels,
  typeof siteChannels,
  typeof areaChannels,
  typeof berandaChannels,
  typeof posyanduChannels,
  typeof kaderChannels,
  typeof kaderImporChannels,
  typeof eksporChannels,
  typeof competencyChannels,
  typeof trainingChannels,
  typeof printChannels,
  typeof opdChannels,
  typeof meetingChannels,
  typeof followUpChannels,
  typeof paketChannels,
  typeof kunciChannels,
  typeof rekapChannels,
  typeof searchChannels,
  typeof cadanganChannels,
  typeof berkasRusakChannels,
  typeof riwayatChannels,
  typeof saranaChannels,
  typeof insentifChannels,
]
type SharedChannels<Maps extends readonly object[], Seen = never> = Maps extends readonly [infer First, ...infer Rest extends readonly object[]]
  ? Extract<keyof First, Seen> | SharedChannels<Rest, Seen | keyof First>
  : never
type NoneOf<T extends never> = T
/** Fails to compile, naming the channel, when two feature maps declare it. */
type _NoSharedChannel = NoneOf<SharedChannels<FeatureMaps>>

export type Contract = typeof contract
export type Channel = keyof Contract
/** What the caller passes (before zod defaults and transforms). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = Contract[C]['output']

/** Events pushed from core to UI via `on` (progress of long tasks). */
export interface Events {
  progress: { task: string; done: number; total: number; label: string }
}
export type EventName = keyof Events

export type { AreaLevel, EducationLevel, KaderRole, KaderStatus, Sex, SiteLevel, SpmField } from '../domain/reference'
export type { NikWarning } from '../domain/nik'
export type { AssessmentMethod, AssessmentResult, Catalogue, LevelCode, NextLevelNeed, TrainingKind } from '../domain/competency'
export type { RiwayatSource } from '../domain/riwayat'
export type { AttachmentKind, FollowUpSource, FollowUpStatus, MeetingKind, MeetingLevel } from '../domain/meeting'

/** The API the preload exposes as window.simpul and the HTTP client mimics. */
export interface SimpulApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<import('../result').Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
