// NIK: the shape is judged here as people type; the kecamatan and duplicates by the core.

import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NikCheck } from '@shared/contract'
import { cleanNik, compareNik, NIK_MESSAGES, parseNik } from '@shared/domain/nik'
import type { Sex } from '@shared/domain/reference'
import { call } from '../../api/client'
import { isDateUnderstood } from '../../components/DateInput'

export type NikState =
  | { kind: 'empty' }
  | { kind: 'typing'; digits: number }
  | { kind: 'bad'; message: string }
  | { kind: 'checking' }
  | { kind: 'checked'; check: NikCheck }

export type NikCheckResult = ReturnType<typeof useNikCheck>

export function useNikCheck(nik: string, birthDate: string, sex: Sex | '', excludeId: string | null) {
  const { t } = useTranslation()
  const nikClean = cleanNik(nik)
  const parsedNik = useMemo(() => (/^\d{16}$/.test(nikClean) ? parseNik(nikClean) : null), [nikClean])
  const [state, setState] = useState<NikState>({ kind: 'empty' })
  const birthIso = isDateUnderstood(birthDate) && birthDate ? birthDate : null
  useEffect(() => {
    if (!nikClean) return setState({ kind: 'empty' })
    if (/\D/.test(nikClean) || nikClean.length > 16) return setState({ kind: 'bad', message: NIK_MESSAGES.shape })
    if (nikClean.length < 16 || !parsedNik) return setState({ kind: 'typing', digits: nikClean.length })
    if (!parsedNik.ok) return setState({ kind: 'bad', message: parsedNik.message })
    setState({ kind: 'checking' })
    let live = true
    const timer = window.setTimeout(() => {
      call('kader:checkNik', { nik: nikClean, birthDate: birthIso, sex: sex || null, excludeId }).then(
        (check) => live && setState({ kind: 'checked', check }),
        // The check only helps: if it fails, the save will still judge the NIK.
        () => live && setState({ kind: 'empty' }),
      )
    }, 150)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [nikClean, parsedNik, birthIso, sex, excludeId])

  const check = state.kind === 'checked' ? state.check : null
  const dup = check?.duplicate ?? null
  const derived = parsedNik?.ok ? parsedNik.value : null
  const warnings = derived ? compareNik(derived, { birthDate: birthIso, sex: sex || null }) : []
  const localError =
    state.kind === 'bad'
      ? state.message
      : check && !check.valid
        ? check.message
        : dup
          ? t('kader.nikDuplicate', { name: dup.name, posyandu: dup.posyanduName })
          : null
  return { state, check, dup, derived, birthIso, warnings, localError }
}
