/**
 * The imprint, on the back of the title page and set at its foot: edition,
 * editors, publisher, rights, each source with its URL and rights, and the
 * colophon. Written for readers: checksums and the build date are in the
 * apparatus JSON, not in the book.
 */
import type {EditionMeta} from '@samizdat/model'
import {listNames} from '@samizdat/model'
import {plain} from './opening.js'
import {safeUrl} from './url.js'
import type {Context, State} from './state.js'
import {structChild, type StructNode} from './structure.js'
import type {Run, Section} from './types.js'
import {baseContext} from './work.js'

export function imprint(edition: EditionMeta, state: State, root: StructNode): Section {
  const {geometry, labels} = state
  const sect = structChild(root, 'Sect')
  const size = Math.round(geometry.size * 0.78 * 4) / 4
  const context: Context = {...baseContext(state, sect, edition.language), size, leading: Math.round(size * 1.3 * 2) / 2, align: 'ragged'}
  const paragraph = (build: (struct: StructNode) => Run[], before = 0.5): void => {
    state.space(context.leading * before)
    const struct = state.struct(context, 'P')
    state.emit(state.lines(build(struct), context, {hyphenate: false}), context)
  }
  const link = (text: string, struct: StructNode): Run[] => {
    const url = safeUrl(text)
    if (!url) return plain(text, state, context, struct).map((run) => ({...run, breaks: 'url' as const}))
    const owner = structChild(struct, 'Link')
    return plain(text, state, context, owner).map((run) => ({...run, breaks: 'url' as const, link: {url, struct: owner, text}}))
  }

  state.space(0, {fill: true})
  paragraph(
    (struct) => [
      ...plain(edition.title, state, {...context, italic: true}, struct),
      ...(edition.subtitle ? plain(`: ${edition.subtitle}`, state, {...context, italic: true}, struct) : [])
    ],
    0
  )
  const editors = edition.creators.filter((creator) => creator.role === 'edt').map((creator) => creator.name)
  const credits = [
    editors.length > 0 ? `${labels.editedBy} ${listNames(editors, labels.language)}.` : '',
    edition.publisher ? `${labels.publishedBy} ${edition.publisher}.` : ''
  ].filter(Boolean)
  if (credits.length > 0) paragraph((struct) => plain(credits.join(' '), state, context, struct))
  if (edition.rights) paragraph((struct) => plain(edition.rights as string, state, context, struct))

  if (edition.sources.length > 0) {
    paragraph((struct) => state.inline([{type: 'text', value: labels.sources}], {...state.inlineContext(context, struct), features: ['smcp', 'onum']}), 1)
    for (const source of edition.sources) {
      paragraph(
        (struct) => [
          ...plain(`${sentence(source.title)} `, state, context, struct),
          ...(source.url ? [...link(source.url, struct), ...plain('. ', state, context, struct)] : []),
          ...(source.rights ? plain(sentence(source.rights), state, context, struct) : [])
        ],
        0.35
      )
    }
  }
  paragraph((struct) => plain(labels.typeset, state, context, struct), 1)
  return {id: 'imprint', flow: state.flow, start: 'verso', folio: 'none'}
}

/** Text ended with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.?!…]["”’)]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`
}
