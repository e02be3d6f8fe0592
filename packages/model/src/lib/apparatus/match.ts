/** Text quote selectors: find `exact` (with optional `prefix`/`suffix`) in a text. */
import type {QuoteSelector, TextSpan} from './types.js'

const cache = new Map<string, RegExp>()

/** Every place the selector matches. White space in the selector matches any run of white space. */
export function findQuote(text: string, quote: QuoteSelector): TextSpan[] {
  const key = JSON.stringify([quote.exact, quote.prefix ?? '', quote.suffix ?? ''])
  let expression = cache.get(key)
  if (!expression) {
    const prefix = quote.prefix ? `(?<=${flexible(quote.prefix)})` : ''
    const suffix = quote.suffix ? `(?=${flexible(quote.suffix)})` : ''
    expression = new RegExp(`${prefix}${flexible(quote.exact)}${suffix}`, 'g')
    cache.set(key, expression)
  }
  const spans: TextSpan[] = []
  expression.lastIndex = 0
  for (let match = expression.exec(text); match; match = expression.exec(text)) {
    spans.push({start: match.index, end: match.index + match[0].length})
  }
  return spans
}

function flexible(value: string): string {
  return value
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+')
}
