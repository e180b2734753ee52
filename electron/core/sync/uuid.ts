// UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, version 7, 12 bits rand_a, variant 10, 62 bits
// rand_b. Ids sort by creation time, which keeps B-tree inserts local and lets a paket be read
// in creation order, while the random part keeps offices from ever colliding.

import { createHash, randomFillSync } from 'node:crypto'

// One syscall per 256 ids instead of one per id: the demo generator makes ~100k ids in a row.
const pool = Buffer.alloc(16 * 256)
let poolOffset = pool.length

function randomBytes16(): Buffer {
  if (poolOffset >= pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const out = pool.subarray(poolOffset, poolOffset + 16)
  poolOffset += 16
  return out
}

let lastMs = -1
let lastSeq = 0

/**
 * A new UUIDv7. Within one process the ids strictly increase: rand_a is used as a 12-bit
 * counter inside one millisecond (RFC 9562 §6.2 method 1), seeded randomly in its lower half so
 * a burst has room to count; if the clock goes backwards the last timestamp is kept.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const b = Buffer.from(randomBytes16())
  let ms = Math.max(0, Math.floor(nowMs))
  let seq: number
  if (ms > lastMs) {
    seq = ((b[6]! << 8) | b[7]!) & 0x7ff
  } else {
    ms = lastMs
    seq = lastSeq + 1
    if (seq > 0xfff) {
      // Counter exhausted within one ms: borrow the next millisecond rather than repeat an id.
      ms = lastMs + 1
      seq = ((b[6]! << 8) | b[7]!) & 0x7ff
    }
  }
  lastMs = ms
  lastSeq = seq

  // 48-bit timestamp, big-endian; split because bitwise operators are 32-bit in JS.
  const hi = Math.floor(ms / 2 ** 16)
  const lo = ms % 2 ** 16
  b.writeUInt32BE(hi >>> 0, 0)
  b.writeUInt16BE(lo, 4)
  b[6] = 0x70 | (seq >> 8)
  b[7] = seq & 0xff
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** The creation time a UUIDv7 carries, in Unix ms. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}

/**
 * A UUID (version 8) from the SHA-256 of a name ("opd:dinkes", "sarana:dacin"): the same default
 * record seeded by two offices gets one id, so it is one record when their data meet.
 */
export function nameUuid(name: string): string {
  const b = createHash('sha256').update(name).digest().subarray(0, 16)
  b[6] = 0x80 | (b[6]! & 0x0f)
  b[8] = 0x80 | (b[8]! & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
