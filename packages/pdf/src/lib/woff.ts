/**
 * A WOFF 1.0 font as the plain TrueType/OpenType (sfnt) file it wraps: the
 * same tables, inflated once. fontkit reads a WOFF font's tables through
 * zlib each time it reaches one, and its subsetter reaches the whole `glyf`
 * table once per glyph it copies: the Noto slices' largest cost in a PDF.
 * The tables are the same bytes either way, so the PDF is too.
 */
import {inflateSync} from 'node:zlib'

const woffSignature = 0x774f4646 // 'wOFF'

/**
 * `data` unchanged unless it is a WOFF 1.0 file. Unwrapped, fontkit also reads the Noto SC slice whose cmap it cannot
 * read as WOFF (slice 101: 說, 結, 〉…), which otherwise covered nothing and left those characters out of the PDF.
 */
export function sfntOf(data: Uint8Array): Uint8Array {
  const woff = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (woff.length < 44 || woff.readUInt32BE(0) !== woffSignature) return data
  const count = woff.readUInt16BE(12)
  // The WOFF table directory is sorted by tag, as the sfnt's must be.
  const tables = Array.from({length: count}, (_, index) => {
    const at = 44 + index * 20
    const offset = woff.readUInt32BE(at + 4)
    const compressed = woff.readUInt32BE(at + 8)
    const length = woff.readUInt32BE(at + 12)
    const stored = woff.subarray(offset, offset + compressed)
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(stored) : stored
    }
  })
  const pad = (length: number) => (length + 3) & ~3
  const size = 12 + 16 * count + tables.reduce((sum, table) => sum + pad(table.data.length), 0)
  const sfnt = Buffer.alloc(size)
  const power = 2 ** Math.floor(Math.log2(count))
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0)
  sfnt.writeUInt16BE(count, 4)
  sfnt.writeUInt16BE(power * 16, 6)
  sfnt.writeUInt16BE(Math.log2(power), 8)
  sfnt.writeUInt16BE(count * 16 - power * 16, 10)
  let offset = 12 + 16 * count
  for (const [index, table] of tables.entries()) {
    const at = 12 + index * 16
    sfnt.writeUInt32BE(table.tag, at)
    sfnt.writeUInt32BE(table.checksum, at + 4)
    sfnt.writeUInt32BE(offset, at + 8)
    sfnt.writeUInt32BE(table.data.length, at + 12)
    table.data.copy(sfnt, offset)
    offset += pad(table.data.length)
  }
  return new Uint8Array(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength)
}
