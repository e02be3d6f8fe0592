/**
 * Which URLs may become a link (a URI action): the model's test, repeated
 * here so that the PDF refuses `javascript:`, `vbscript:`, `data:`, `file:`
 * and the rest on its own, whatever tree it is given. The WHATWG parser
 * sees through case, surrounding spaces and control characters, and tabs
 * or newlines inside the scheme, as browsers and viewers do.
 */
const followed = /^(?:https?|mailto):$/

/** The URL, normalised, when it is a web or mail address; else undefined. */
export function safeUrl(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  return followed.test(parsed.protocol) ? parsed.href : undefined
}
