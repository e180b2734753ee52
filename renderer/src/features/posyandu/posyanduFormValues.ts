// What the Posyandu form's fields hold (strings, "" for blank) and how they become the contract's
// input. The pengurus choices go only when changed, so a save of other fields never settles two
// ketua the person did not look at (see posyandu.service savePengurus).

import { PENGURUS_ROLES, type Input, type PengurusRole, type Posyandu, type RegistrationStatus, type SpmField } from '@shared/contract'

export interface PosyanduFormValues extends Record<string, unknown> {
  name: string
  villageCode: string
  rw: string
  address: string
  schedule: string
  spmFields: SpmField[]
  active: boolean
  skNumber: string
  skDate: string
  skSigner: string
  musyawarahDate: string
  registrationStatus: RegistrationStatus
  registeredDate: string
  registryNumber: string
  puskesmasCode: string
  pustuId: string
  ketua: string
  sekretaris: string
  bendahara: string
}

/** A role's one holder; "" when nobody or (two ketua) more than one: the person must choose. */
export const holderOf = (p: Posyandu, role: PengurusRole) => (p.pengurus[role].length === 1 ? p.pengurus[role][0]!.id : '')

export function valuesOf(p: Posyandu): PosyanduFormValues {
  return {
    name: p.name,
    villageCode: p.villageCode,
    rw: p.rw ?? '',
    address: p.address ?? '',
    schedule: p.schedule ?? '',
    spmFields: p.spmFields,
    active: p.active,
    skNumber: p.skNumber ?? '',
    skDate: p.skDate ?? '',
    skSigner: p.skSigner ?? '',
    musyawarahDate: p.musyawarahDate ?? '',
    registrationStatus: p.registrationStatus,
    registeredDate: p.registeredDate ?? '',
    registryNumber: p.registryNumber ?? '',
    puskesmasCode: p.puskesmasCode ?? '',
    pustuId: p.pustuId ?? '',
    ketua: holderOf(p, 'ketua'),
    sekretaris: holderOf(p, 'sekretaris'),
    bendahara: holderOf(p, 'bendahara'),
  }
}

export function toPosyanduInput(v: PosyanduFormValues, original: Posyandu | null): Input<'posyandu:create'> {
  const { ketua, sekretaris, bendahara, ...rest } = v
  const chosen = { ketua, sekretaris, bendahara }
  const pengurus: Partial<Record<PengurusRole, string>> = {}
  if (original) for (const r of PENGURUS_ROLES) if (chosen[r] !== holderOf(original, r)) pengurus[r] = chosen[r]
  return {
    ...rest,
    // Not registered: the registry's date and number are not asked for (the core clears them).
    registeredDate: v.registrationStatus === 'terdaftar' ? v.registeredDate : '',
    registryNumber: v.registrationStatus === 'terdaftar' ? v.registryNumber : '',
    pengurus,
  }
}
