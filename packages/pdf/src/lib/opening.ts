/**
 * The opening of a section (a work, the preface, the contents): sunk a fifth
 * down the page, a centred title with its destination and outline entry,
 * then subtitle and byline.
 */
import type {Context, State} from './state.js'
import type {Line, Run} from './types.js'

export interface OpeningOptions {
  title: string
  subtitle?: string
  byline?: string
  /** Named destinations of the title (the section's id first). */
  ids: string[]
  /** Add an outline entry (depth 1). */
  outline: boolean
}

export function opening(state: State, context: Context, options: OpeningOptions): void {
  const {geometry} = state
  state.space(geometry.textHeight * 0.18, {keep: true})
  const size = Math.round(geometry.size * 1.75)
  const title: Context = {...context, size, leading: Math.round(size * 1.2)}
  const h1 = state.struct(context, 'H1')
  const [first, ...others] = options.ids
  if (first !== undefined) state.marks.push(options.outline ? {id: first, outline: {title: options.title, depth: 1}} : {id: first})
  for (const id of others) state.marks.push({id})
  state.emit(display(state.lines(plain(options.title, state, title, h1), title, {align: 'center', hyphenate: false})), title, {together: true})
  state.keepNext = true

  if (options.subtitle) {
    const sub: Context = {...context, size: Math.round(geometry.size * 1.15 * 4) / 4, italic: true}
    state.space(geometry.leading * 0.5)
    const p = state.struct(context, 'P')
    state.emit(display(state.lines(plain(options.subtitle, state, sub, p), sub, {align: 'center', hyphenate: false})), sub, {together: true})
    state.keepNext = true
  }
  if (options.byline) {
    state.space(geometry.leading)
    const p = state.struct(context, 'P')
    const runs = state.inline([{type: 'text', value: options.byline}], {...state.inlineContext(context, p), features: ['smcp', 'onum']})
    state.emit(display(state.lines(runs, context, {align: 'center', hyphenate: false})), context, {together: true})
    state.keepNext = true
  }
  state.space(geometry.leading * 2.5)
  state.keepWithNext()
}

/** Runs for a plain string in `context`'s style. */
export function plain(text: string, state: State, context: Context, owner = context.struct): Run[] {
  return state.inline([{type: 'text', value: text}], state.inlineContext(context, owner))
}

/** The opening's lines are display, not lines of the text (a correction's `l. 3` does not count them). */
function display(lines: Line[]): Line[] {
  for (const line of lines) line.display = true
  return lines
}
