// Draws resources/icon.png (512×512): a green rounded square with a white "simpul" (a hub
// joined to three nodes). Plain zlib PNG writing, so no image tool is needed to regenerate it:
//   node resources/make-icon.mjs

import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SS = 4 // supersampling per axis, for smooth edges
const GREEN = [21, 128, 61]

const hub = [256, 276, 40]
const nodes = [
  [256, 126, 44],
  [128, 372, 44],
  [384, 372, 44],
]
const LINK_HALF_WIDTH = 13

function inRoundedSquare(x, y) {
  const m = 16, r = 100, lo = m + r, hi = SIZE - m - r
  const cx = Math.min(Math.max(x, lo), hi)
  const cy = Math.min(Math.max(y, lo), hi)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function inMark(x, y) {
  for (const [cx, cy, r] of [hub, ...nodes]) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true
  for (const [nx, ny] of nodes) if (distToSegment(x, y, hub[0], hub[1], nx, ny) <= LINK_HALF_WIDTH) return true
  // The outer ring of links, thinner: the nodes also know each other.
  for (let i = 0; i < nodes.length; i++) {
    const [ax, ay] = nodes[i], [bx, by] = nodes[(i + 1) % nodes.length]
    if (distToSegment(x, y, ax, ay, bx, by) <= LINK_HALF_WIDTH * 0.6) return true
  }
  return false
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) {
    let bg = 0, fg = 0
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS, py = y + (sy + 0.5) / SS
        if (!inRoundedSquare(px, py)) continue
        bg++
        if (inMark(px, py)) fg++
      }
    }
    const n = SS * SS
    const alpha = bg / n
    const white = bg ? fg / bg : 0
    const o = y * (SIZE * 4 + 1) + 1 + x * 4
    for (let c = 0; c < 3; c++) raw[o + c] = Math.round(GREEN[c] * (1 - white) + 255 * white)
    raw[o + 3] = Math.round(alpha * 255)
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

const ihdr = Buffer.alloc(13)
ihdr.writeUInt32BE(SIZE, 0)
ihdr.writeUInt32BE(SIZE, 4)
ihdr[8] = 8 // bit depth
ihdr[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('../resources/icon.png', import.meta.url), png)
console.log(`resources/icon.png: ${png.length} bytes`)
