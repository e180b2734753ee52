import { ipcMain } from 'electron'
import type { Dispatch } from '../core/ipc/dispatch'
import { fail } from '../../shared/result'
import { isTrustedSenderUrl } from './policy'

export const INVOKE_CHANNEL = 'simpul:invoke'
export const EVENT_CHANNEL = 'simpul:event'

export function registerInvokeHandler(dispatch: Dispatch, devUrl: string | null): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    // senderFrame is null when the frame has navigated away or been destroyed meanwhile.
    if (!isTrustedSenderUrl(event.senderFrame?.url, devUrl)) {
      return fail({ code: 'forbidden', message: 'Permintaan ditolak: tidak berasal dari halaman aplikasi.' })
    }
    return dispatch(channel, input)
  })
}
