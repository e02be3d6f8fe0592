import type {Break} from 'mdast'
import type {InlineContext, State} from '../state.js'
import type {Run} from '../types.js'
import {run} from './text.js'

/** A hard line break. */
export function hardBreak(_: Break, state: State, context: InlineContext, runs: Run[]): void {
  runs.push({...run('\n', state.style(context), context), breaks: 'never'})
}
