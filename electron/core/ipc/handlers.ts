// Wires each contract channel to its service. One line per channel; services take the
// database as their first argument and never see the transport.

import { appInfo } from '../features/app/app.service'
import { childAreas, getArea, searchAreas } from '../features/area/area.service'
import { berandaSummary } from '../features/beranda/beranda.service'
import {
  archiveKader,
  checkNik,
  createKader,
  getKader,
  listKader,
  restoreKader,
  updateKader,
} from '../features/kader/kader.service'
import { createPosyandu, getPosyandu, listPosyandu, updatePosyandu } from '../features/posyandu/posyandu.service'
import { getSettings, setSettings } from '../features/settings/settings.service'
import { getSite, listSiteVillages, setupSite } from '../features/site/site.service'
import type { Handlers } from './types'

export const handlers = {
  'app:info': (ctx) => appInfo(ctx.db),

  'settings:get': (ctx) => getSettings(ctx.db),
  'settings:set': (ctx, input) => setSettings(ctx.db, input),

  'site:get': (ctx) => getSite(ctx.db),
  'site:setup': (ctx, input) => setupSite(ctx.db, input),
  'site:villages': (ctx) => listSiteVillages(ctx.db),

  'area:search': (ctx, input) => searchAreas(ctx.db, input),
  'area:children': (ctx, input) => childAreas(ctx.db, input),
  'area:get': (ctx, input) => getArea(ctx.db, input),

  'beranda:summary': (ctx) => berandaSummary(ctx.db),

  'posyandu:list': (ctx, input) => listPosyandu(ctx.db, input),
  'posyandu:get': (ctx, input) => getPosyandu(ctx.db, input),
  'posyandu:create': (ctx, input) => createPosyandu(ctx.db, input),
  'posyandu:update': (ctx, input) => updatePosyandu(ctx.db, input),

  'kader:list': (ctx, input) => listKader(ctx.db, input),
  'kader:get': (ctx, input) => getKader(ctx.db, input),
  'kader:checkNik': (ctx, input) => checkNik(ctx.db, input),
  'kader:create': (ctx, input) => createKader(ctx.db, input),
  'kader:update': (ctx, input) => updateKader(ctx.db, input),
  'kader:archive': (ctx, input) => archiveKader(ctx.db, input),
  'kader:restore': (ctx, input) => restoreKader(ctx.db, input),
} satisfies Handlers
