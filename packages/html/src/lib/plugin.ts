import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {Plugin} from 'unified'
import {renderFragment} from './fragment.js'
import type {FragmentOptions} from './types.js'

/**
 * Bridge plugin: a resolved mdast tree in, a sanitised hast tree out
 * (so follow it with `rehype-stringify`). Only wiring; see `renderFragment`.
 */
export const remarkSamizdatHtml: Plugin<[FragmentOptions?], MdastRoot, HastRoot> = function (options) {
  return function (tree) {
    return renderFragment(tree, options)
  }
}
