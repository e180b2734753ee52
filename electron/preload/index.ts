// The renderer's only door to the core: window.simpul = { invoke, on }. Runs sandboxed, so it
// is bundled into one CommonJS file and may import nothing at runtime but `electron`.
// Main validates everything again; the checks here keep junk off the IPC channel.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { SimpulApi } from '@shared/contract'
import type { Result } from '@shared/result'

const INVOKE = 'simpul:invoke'
const EVENT = 'simpul:event'
const CHANNEL = /^[a-z]+:[a-zA-Z]+$/

const api: SimpulApi = {
  invoke(channel: unknown, input: unknown) {
    if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
      const refused: Result<never> = {
        ok: false,
        error: {
          code: 'unknown_channel',
          message: 'Permintaan tidak dikenal oleh aplikasi. Muat ulang aplikasi; bila terulang, hubungi petugas TI.',
        },
      }
      return Promise.resolve(refused)
    }
    return ipcRenderer.invoke(INVOKE, channel, input)
  },
  on(event: unknown, listener: unknown) {
    if (typeof event !== 'string' || typeof listener !== 'function') return () => {}
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const relay = (_e: IpcRendererEvent, message: { event?: unknown; payload?: unknown }) => {
      if (message && message.event === event) (listener as (payload: unknown) => void)(message.payload)
    }
    ipcRenderer.on(EVENT, relay)
    return () => {
      ipcRenderer.removeListener(EVENT, relay)
    }
  },
} as SimpulApi

contextBridge.exposeInMainWorld('simpul', api)
