// The follow-up form's fields as typed, and how they map to and from the contract.

import type { FollowUp, SpmField } from '@shared/contract'
import type { FollowUpSource } from '@shared/domain/meeting'

export interface FollowUpFormValues extends Record<string, unknown> {
  source: FollowUpSource
  meetingId: string
  date: string
  posyanduId: string
  spmField: SpmField | ''
  description: string
  reporter: string
  opdId: string
  dueDate: string
}

export const ISO = /^\d{4}-\d{2}-\d{2}$/

export function fromFollowUp(f: FollowUp): FollowUpFormValues {
  return {
    source: f.source,
    meetingId: f.meetingId ?? '',
    date: f.date,
    posyanduId: f.posyanduId ?? '',
    spmField: f.spmField ?? '',
    description: f.description,
    reporter: f.reporter ?? '',
    opdId: f.opdId,
    dueDate: f.dueDate,
  }
}

export function toFollowUpInput(v: FollowUpFormValues) {
  return {
    source: v.source,
    meetingId: v.source === 'rapat' && v.meetingId ? v.meetingId : null,
    date: v.date,
    posyanduId: v.posyanduId || null,
    spmField: v.spmField || null,
    description: v.description,
    reporter: v.reporter,
    opdId: v.opdId,
    dueDate: v.dueDate,
  }
}
