// Refusals shared by the meeting and attachment services (Indonesian, saying what to do).

import { AppError } from '../../../../shared/result'

export function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

export function notFoundMeeting(): AppError {
  return new AppError({ code: 'not_found', message: 'Rapat ini tidak ditemukan atau sudah diarsipkan. Buka kembali daftar rapat.' })
}
