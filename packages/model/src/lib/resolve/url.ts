/**
 * The one rule for an address a reader may follow out of the edition: a web
 * or mail address, normalised as a browser reads it (WHATWG URL: spaces and
 * non-ASCII percent-encoded, backslashes made slashes, case and dots
 * settled), then written as a valid URI (RFC 3986, which EPUB requires:
 * `|`, `^`, a backtick percent-encoded) by fast-uri. An address that is no
 * URI even so (a backtick in a host name, a broken `%` escape) cannot be linked.
 */
import {fastUri} from '../lazy.js'

/** Only web and mail addresses leave the edition. */
const followed = /^(?:https?|mailto):$/

/** Whether the edition follows an address with this scheme (`https:`). */
export function isFollowed(address: URL): boolean {
  return followed.test(address.protocol)
}

/** A parsed address as a valid URI, or undefined when it cannot be one. */
export function uriOf(address: URL): string | undefined {
  const uri = fastUri()
  const parsed = uri.parse(address.href)
  return parsed.error === undefined ? uri.serialize(parsed) : undefined
}

/**
 * An address from anywhere (a source's raw HTML `href`) as the edition links it, or undefined when it is not an
 * absolute web or mail address that can be written as a valid URI.
 */
export function followedUrl(href: string): string | undefined {
  let address: URL
  try {
    address = new URL(href)
  } catch {
    return undefined
  }
  return isFollowed(address) ? uriOf(address) : undefined
}
