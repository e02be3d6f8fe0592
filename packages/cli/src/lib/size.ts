/** `--max-file-size`: a number of bytes, written plainly (`52428800`) or with a unit (`50MB`, `200kb`). */
import bytes from 'bytes'
import {InvalidArgumentError} from 'commander'

export function parseSize(value: string): number {
  const parsed = /^\s*\d+\s*$/.test(value) ? Number(value) : bytes.parse(value)
  if (parsed === null || !Number.isSafeInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError(`expected a size such as 50MB or 1048576, not "${value}"`)
  }
  return parsed
}
