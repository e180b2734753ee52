// The kader form's fields as typed (strings, "" for blank) and how they map to and from the contract.

import type { Kader } from '@shared/contract'
import { formatPhone } from '@shared/domain/phone'
import type { EducationLevel, KaderRole, KaderStatus, Sex, SpmField } from '@shared/domain/reference'

export interface KaderFormValues extends Record<string, unknown> {
  nik: string
  name: string
  sex: Sex | ''
  birthPlace: string
  birthDate: string
  phone: string
  address: string
  rt: string
  rw: string
  posyanduId: string
  role: KaderRole | ''
  spmFields: SpmField[]
  skNumber: string
  skDate: string
  education: EducationLevel | ''
  status: KaderStatus
  statusDate: string
  statusNote: string
  notes: string
}

export const EMPTY_KADER: KaderFormValues = {
  nik: '',
  name: '',
  sex: '',
  birthPlace: '',
  birthDate: '',
  phone: '',
  address: '',
  rt: '',
  rw: '',
  posyanduId: '',
  role: 'kader',
  spmFields: [],
  skNumber: '',
  skDate: '',
  education: '',
  status: 'aktif',
  statusDate: '',
  statusNote: '',
  notes: '',
}

export function fromKader(k: Kader): KaderFormValues {
  return {
    nik: k.nik,
    name: k.name,
    sex: k.sex,
    birthPlace: k.birthPlace ?? '',
    birthDate: k.birthDate,
    phone: k.phone ? formatPhone(k.phone) : '',
    address: k.address ?? '',
    rt: k.rt ?? '',
    rw: k.rw ?? '',
    posyanduId: k.posyanduId,
    role: k.role,
    spmFields: k.spmFields,
    skNumber: k.skNumber ?? '',
    skDate: k.skDate ?? '',
    education: k.education ?? '',
    status: k.status,
    statusDate: '',
    statusNote: '',
    notes: k.notes ?? '',
  }
}

/** Blank choices become null; on edit an unchanged status sends no status date (no new history line). */
export function toKaderInput(v: KaderFormValues, originalStatus: KaderStatus | null) {
  const statusChanged = originalStatus === null || v.status !== originalStatus
  return {
    ...v,
    nik: v.nik,
    sex: v.sex || undefined,
    role: v.role || undefined,
    education: v.education || null,
    skDate: v.skDate || null,
    statusDate: statusChanged ? v.statusDate || null : null,
    statusNote: statusChanged ? v.statusNote : null,
  }
}
