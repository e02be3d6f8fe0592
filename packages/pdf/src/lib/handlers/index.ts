/**
 * The handler tables: one handler per mdast node type. A new node type (the
 * apparatus's notes, say) plugs in by adding an entry; unknown containers
 * render their children, unknown literals their text.
 */
import type {BlockHandler, Handlers, InlineHandler} from '../state.js'
import {blockquote} from './blockquote.js'
import {hardBreak} from './break.js'
import {code} from './code.js'
import {emphasis, strikethrough, strong} from './emphasis.js'
import {annotated, anchored} from './apparatus.js'
import {footnoteReference, noteReference} from './note-reference.js'
import {heading} from './heading.js'
import {html, styled} from './html.js'
import {image} from './image.js'
import {link} from './link.js'
import {list} from './list.js'
import {inlineMath, math} from './math.js'
import {paragraph} from './paragraph.js'
import {table} from './table.js'
import {inlineCode, text} from './text.js'
import {thematicBreak} from './thematic-break.js'

const ignore = (): void => {}

const blockHandlers: Record<string, BlockHandler> = {
  blockquote,
  code,
  heading,
  list,
  math,
  paragraph,
  table,
  thematicBreak,
  html,
  // Not text: link definitions, front matter.
  definition: ignore,
  yaml: ignore
}

const inlineHandlers: Record<string, InlineHandler> = {
  annotated,
  break: hardBreak,
  citation: anchored,
  correction: anchored,
  delete: strikethrough,
  emphasis,
  footnoteReference,
  image,
  inlineCode,
  inlineMath,
  link,
  noteReference,
  strong,
  pdfStyled: styled,
  text
}

export const handlers: Handlers = {block: blockHandlers, inline: inlineHandlers}
