import type {Link} from 'mdast'
import {formatPageRange, textOf} from '@samizdat/model'
import {structChild} from '../structure.js'
import type {InlineContext, State} from '../state.js'
import type {LinkRef, Run} from '../types.js'
import {safeUrl} from '../url.js'
import {run} from './text.js'

/**
 * A link: internal ones go to the named destination of their target id,
 * external ones to their URL; a page reference (index entries) shows the
 * page number of its target. A link the model could not resolve, or one to
 * a scheme the edition does not follow (`javascript:`…), reads as text.
 */
export function link(node: Link, state: State, context: InlineContext, runs: Run[]): void {
  const target = node.data?.target
  const url = target ? undefined : safeUrl(node.url)
  if ((!target && !url) || context.link) {
    state.inline(node.children, context, runs)
    return
  }
  const struct = structChild(context.struct, 'Link')
  const ref: LinkRef = {struct, text: textOf(node) || node.url}
  if (target) ref.dest = target.id
  if (url) ref.url = url
  if (target && node.data?.pageRef === 'line') {
    // A correction's place: the line on its page, known after a first pagination.
    state.pageRefs.count++
    const label = String(state.pageRefs.lines?.get(target.id) ?? '00')
    ref.text = label
    runs.push({...run(label, state.style(context), {...context, struct, link: ref}), breaks: 'never'})
    return
  }
  if (target && node.data?.pageRef) {
    // An index entry's locator: the page of its target, known after a first pagination.
    state.pageRefs.count++
    const label = state.pageRefs.labels?.get(target.id) ?? '00'
    ref.text = `${state.labels.page} ${label}`
    runs.push({...run(label, state.style(context), {...context, struct, link: ref}), breaks: 'never', pageRef: label})
    collapsePages(runs, state.labels.language, (label, first) =>
      run(label, first.style, {...context, struct: first.link?.struct ?? struct, ...(first.link ? {link: first.link} : {})})
    )
    return
  }
  // A note called in the link's text is not part of the link, which ends with its page.
  const noteHome = context.noteHome ?? {struct: context.struct, lang: context.lang}
  state.inline(node.children, {...context, struct, link: ref, noteHome}, runs)
}

/**
 * The page numbers at the end of `runs` that follow one another (separated by commas only), as a
 * reader wants them: in order, each page once, and runs of pages as ranges (`31, 33, 36, 43–46`), each
 * number or range linked to its first page, printed as the language abbreviates it (`101–8` in English, see
 * `formatPageRange`). Roman (front matter) pages come first, as they are printed.
 */
function collapsePages(runs: Run[], language: string, make: (label: string, first: Run) => Run): void {
  let start = runs.length - 1
  while (start >= 2 && /^[\s,]*$/.test(runs[start - 1]?.text ?? 'x') && runs[start - 2]?.pageRef !== undefined) start -= 2
  const refs = runs.slice(start).filter((candidate) => candidate.pageRef !== undefined)
  const separator = runs[start + 1]
  const byPage = new Map<string, Run>()
  for (const ref of refs) {
    // A range made before (`43–46`) stands for each of its pages.
    const range = /^(\d+)–(\d+)$/.exec(ref.pageRef as string)
    const labels = range ? Array.from({length: Number(range[2]) - Number(range[1]) + 1}, (_, at) => String(Number(range[1]) + at)) : [ref.pageRef as string]
    for (const label of labels) if (!byPage.has(label)) byPage.set(label, ref)
  }
  const arabic = (label: string): number => (/^\d+$/.test(label) ? Number(label) : Number.NaN)
  const order = [...byPage.keys()].sort((a, b) => {
    const [x, y] = [arabic(a), arabic(b)]
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? -1 : 1
    return x - y
  })
  const out: Run[] = []
  for (let index = 0; index < order.length; index++) {
    const first = order[index] as string
    let last = index
    while (last + 1 < order.length && arabic(order[last + 1] as string) === arabic(order[last] as string) + 1) last++
    if (out.length > 0 && separator) out.push({...separator, text: ', '})
    const head = byPage.get(first) as Run
    // Two pages in a row stay two numbers; three or more make a range.
    if (last - index >= 2) {
      // `pageRef` keeps both numbers in full: a later collapse reads the range back.
      const range = `${first}–${order[last] as string}`
      out.push({...make(formatPageRange(first, order[last] as string, language), head), breaks: 'never', pageRef: range})
      index = last
    } else out.push({...make(first, head), breaks: 'never', pageRef: first})
  }
  runs.splice(start, runs.length - start, ...out)
}
