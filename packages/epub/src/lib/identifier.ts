/**
 * The book's identifier: a name-based UUID (RFC 9562, version 5) of
 * `samizdat:<edition id>` in the URL namespace, so every build of an edition
 * carries the same identifier and reading systems keep their place in it.
 */
import {createHash} from 'node:crypto'

/** The RFC 9562 namespace for names that are URLs (`samizdat:` is a URI scheme). */
const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'

function uuidV5(name: string, namespace = urlNamespace): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  // Version 5 in the high nibble of byte 6, the RFC variant in the top bits of byte 8.
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-')
}

/** `urn:uuid:…` for an edition id. */
export function bookIdentifier(editionId: string): string {
  return 'urn:uuid:' + uuidV5('samizdat:' + editionId)
}
