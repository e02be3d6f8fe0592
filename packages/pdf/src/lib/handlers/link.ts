import type {Link} from 'mdast'
import {textOf} from '@samizdat/model'
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
  if (target && node.data?.pageRef) {
    // An index entry's locator: the page of its target, known after a first pagination.
    state.pageRefs.count++
    const label = state.pageRefs.labels?.get(target.id) ?? '00'
    ref.text = `${state.labels.page} ${label}`
    // Several mentions on one page make one number: drop the repeat and its separator.
    const previous = runs.findLastIndex((candidate) => candidate.pageRef !== undefined)
    if (previous >= 0 && runs[previous]?.pageRef === label && runs.slice(previous + 1).every((between) => /^[\s,;]*$/.test(between.text))) {
      runs.splice(previous + 1)
      return
    }
    runs.push({...run(label, state.style(context), {...context, struct, link: ref}), breaks: 'never', pageRef: label})
    return
  }
  // A note called in the link's text is not part of the link, which ends with its page.
  const noteHome = context.noteHome ?? {struct: context.struct, lang: context.lang}
  state.inline(node.children, {...context, struct, link: ref, noteHome}, runs)
}
