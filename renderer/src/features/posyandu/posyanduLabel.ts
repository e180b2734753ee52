import type { Posyandu } from '@shared/contract'

/**
 * Every village has its "Posyandu Mawar 01": where the list spans several villages (a
 * Puskesmas, a kecamatan, the kota) the village name tells them apart.
 */
export function posyanduLabel(p: Pick<Posyandu, 'name' | 'villageName'>, manyVillages: boolean): string {
  return manyVillages ? `${p.name} — ${p.villageName}` : p.name
}
