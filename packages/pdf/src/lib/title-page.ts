/** The title page: title, subtitle, editors and publisher, centred; no running head, no folio. */
import type {EditionMeta} from '@samizdat/model'
import {listNames} from '@samizdat/model'
import {plain} from './opening.js'
import type {Context, State} from './state.js'
import {structChild, type StructNode} from './structure.js'
import type {Section} from './types.js'
import {baseContext} from './work.js'

export function titlePage(edition: EditionMeta, state: State, root: StructNode): Section {
  const {geometry, labels} = state
  const sect = structChild(root, 'Sect')
  const context = baseContext(state, sect, edition.language)
  const centred = (text: string, inner: Context, type = 'P', features?: readonly string[]): void => {
    const struct = state.struct(inner, type)
    const runs = state.inline([{type: 'text', value: text}], {...state.inlineContext(inner, struct), ...(features ? {features} : {})})
    state.emit(state.lines(runs, inner, {align: 'center', hyphenate: false}), inner, {together: true})
  }

  state.space(geometry.textHeight * 0.14, {keep: true})
  const titleSize = Math.round(geometry.size * 2.3)
  centred(edition.title, {...context, size: titleSize, leading: Math.round(titleSize * 1.15)}, 'H1')
  if (edition.subtitle) {
    state.space(geometry.leading * 1.25)
    const size = Math.round(geometry.size * 1.3 * 4) / 4
    centred(edition.subtitle, {...context, size, leading: Math.round(size * 1.3), italic: true})
  }
  state.space(0, {fill: true})
  const editors = edition.creators.filter((creator) => creator.role === 'edt').map((creator) => creator.name)
  if (editors.length > 0) {
    const struct = state.struct(context, 'P')
    const runs = [
      ...plain(`${labels.editedBy} `, state, {...context, italic: true}, struct),
      ...state.inline([{type: 'text', value: listNames(editors, labels.language)}], {...state.inlineContext(context, struct), features: ['smcp', 'onum']})
    ]
    state.emit(state.lines(runs, context, {align: 'center', hyphenate: false}), context, {together: true})
  }
  if (edition.publisher) {
    state.space(geometry.leading * 3)
    centred(edition.publisher, context, 'P', ['smcp', 'onum'])
  }
  return {id: 'title-page', flow: state.flow, start: 'recto', folio: 'none'}
}
