import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../electron/core/db/schema'
import { INTERNAL_MESSAGE, createDispatcher, type Dispatch } from '../../electron/core/ipc/dispatch'
import { handlers } from '../../electron/core/ipc/handlers'
import type { HandlerContext, Handlers } from '../../electron/core/ipc/types'
import { AppError } from '../../shared/result'
import { createTestDb, kaderFields, posyanduFields, setUpKelurahan, type TestDb } from '../fixtures/db'

let testDb: TestDb
let db: Db
let dispatch: Dispatch
const ctx = (): HandlerContext => ({ db, emit: () => {} })

beforeAll(async () => {
  testDb = await createTestDb()
  db = testDb.db
  await setUpKelurahan(db)
  dispatch = createDispatcher(ctx())
})

afterAll(async () => {
  await testDb.cleanup()
})

describe('dispatch', () => {
  it('round-trips a valid call to its service', async () => {
    const result = await dispatch('app:info', {})
    expect(result).toMatchObject({ ok: true, value: { appVersion: expect.any(String), schemaVersion: expect.any(Number) } })
  })

  it('validates, runs and returns a create and a read of the same record', async () => {
    const created = await dispatch('posyandu:create', posyanduFields({ name: 'Posyandu Mawar 02', rw: '7' }))
    expect(created).toMatchObject({ ok: true, value: { name: 'Posyandu Mawar 02', rw: '007' } })
    if (!created.ok) return
    const id = (created.value as { id: string }).id
    const kader = await dispatch('kader:create', kaderFields(id, { phone: '0812 3456 7890' }))
    expect(kader).toMatchObject({ ok: true, value: { kader: { posyanduId: id, phone: '+6281234567890' } } })
    expect(await dispatch('posyandu:get', { id })).toMatchObject({ ok: true, value: { id, activeKaderCount: 1 } })
  })

  it('has a handler for every contract channel, and the type system insists on it', () => {
    const { 'app:info': _dropped, ...incomplete } = handlers
    // @ts-expect-error a contract entry without a handler must not compile (checked by tsc)
    const table: Handlers = incomplete
    expect(Object.keys(table)).not.toContain('app:info')
  })

  it('treats a missing input as an empty object for calls that take none', async () => {
    expect((await dispatch('settings:get', undefined)).ok).toBe(true)
  })

  it.each(['nope:nothing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
    'refuses the unknown channel %j',
    async (channel) => {
      const result = await dispatch(channel, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    },
  )

  it.each([42, null, undefined, {}, ['app:info'], Symbol('app:info')])('refuses a channel that is not a string (%s)', async (channel) => {
    expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('refuses bad input with an Indonesian message and one message per field', async () => {
    const result = await dispatch('site:setup', { level: 'istana', areaCode: 'abc', name: '' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toBe(result.error.fields?.[result.error.field ?? ''])
    expect(result.error.fields).toEqual({
      level: 'Pilih jenis kantor.',
      areaCode: 'Kode wilayah harus berbentuk kode Kemendagri, mis. 36.71.01.1001.',
      name: 'Nama kantor wajib diisi.',
    })
  })

  it('names nested fields by their path', async () => {
    const result = await dispatch('site:setup', {
      level: 'puskesmas',
      areaCode: '36.71.01',
      name: 'Puskesmas Tangerang',
      coveredVillageCodes: ['36.71.01.1001', 'salah'],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'coveredVillageCodes.1': expect.any(String) } } })
  })

  it('refuses extra keys on calls that take no input', async () => {
    expect(await dispatch('app:info', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('passes an AppError through as its shape', async () => {
    const d = createDispatcher(ctx(), {
      handlers: {
        ...handlers,
        'kader:get': async () => {
          throw new AppError({ code: 'not_found', message: 'Kader tidak ditemukan.', field: 'id' })
        },
      },
    })
    const result = await d('kader:get', { id: '0190c1a2-0000-7000-8000-000000000001' })
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'Kader tidak ditemukan.', field: 'id' } })
  })

  it('passes a real service refusal through (a second office setup)', async () => {
    const result = await dispatch('site:setup', { level: 'kelurahan', areaCode: '36.71.01.1002', name: 'Kantor Lain' })
    expect(result).toMatchObject({ ok: false, error: { code: 'already_set_up', message: expect.stringMatching(/sudah disiapkan/) } })
  })

  it('passes not_found through for a record that does not exist', async () => {
    const result = await dispatch('kader:get', { id: '0190c1a2-0000-7000-8000-000000000001' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('turns an unexpected throw into internal, logs the stack and returns none', async () => {
    const logged: unknown[] = []
    const d = createDispatcher(ctx(), {
      handlers: {
        ...handlers,
        'app:info': async () => {
          throw new TypeError('secret detail at /home/user/file.ts:12')
        },
      },
      logInternal: (_channel, error) => logged.push(error),
    })
    const result = await d('app:info', {})
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } })
    expect(JSON.stringify(result)).not.toMatch(/secret|stack|file\.ts/)
    expect(logged).toHaveLength(1)
  })

  it('logs unexpected errors to stderr by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const d = createDispatcher(ctx(), {
      handlers: { ...handlers, 'app:info': async () => Promise.reject(new Error('boom')) },
    })
    expect(await d('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(spy).toHaveBeenCalledOnce()
    spy.mockRestore()
  })

  it('delivers plain JSON: a Date from a service arrives as an ISO string, undefined keys are dropped', async () => {
    const d = createDispatcher(ctx(), {
      handlers: {
        ...handlers,
        'settings:get': async () => ({ language: 'id', minKaderPerPosyandu: 5, at: new Date('2026-01-02T03:04:05Z'), gone: undefined }) as never,
      },
    })
    expect(await d('settings:get', {})).toEqual({
      ok: true,
      value: { language: 'id', minKaderPerPosyandu: 5, at: '2026-01-02T03:04:05.000Z' },
    })
  })

  it('turns an output JSON cannot carry into internal', async () => {
    const d = createDispatcher(ctx(), {
      handlers: { ...handlers, 'settings:get': async () => ({ n: 1n }) as never },
      logInternal: () => {},
    })
    expect(await d('settings:get', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
