import type {Root as HastRoot} from 'hast'
import type {Nodes, Root as MdastRoot} from 'mdast'
import type {Plugin} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {renderFragment} from './fragment.js'
import type {FragmentOptions} from './types.js'

/**
 * Bridge plugin: a resolved mdast tree in, a sanitised hast tree out
 * (so follow it with `rehype-stringify`). Only wiring; see `renderFragment`.
 *
 * It renders what the model decided and decides nothing itself, so the tree
 * must be resolved: by `resolveEdition`, or in a remark pipeline by the
 * model's plugins `remarkSamizdatHeadings` (heading ids), `remarkSamizdatNotes`
 * (footnotes as numbered marks) and `remarkSamizdatLinks` (links resolved)
 * before it. A tree that lacks their work gets an error on the file naming
 * the plugin to add; the messages of rendering go to the same file.
 */
export const remarkSamizdatHtml: Plugin<[FragmentOptions?], MdastRoot, HastRoot> = function (options = {}) {
  return function (tree, file) {
    checkResolved(tree, file)
    return renderFragment(tree, {...options, file: options.file ?? file})
  }
}

/** What each model plugin leaves behind, and the node that shows it did not run. */
const prerequisites: Array<{plugin: string; what: string; missing: (node: Nodes) => boolean}> = [
  {plugin: 'remarkSamizdatHeadings', what: 'a heading without an id', missing: (node) => node.type === 'heading' && typeof node.data?.id !== 'string'},
  {
    plugin: 'remarkSamizdatNotes',
    what: 'a GFM footnote not made a note',
    missing: (node) => node.type === 'footnoteReference' || node.type === 'footnoteDefinition'
  },
  {
    plugin: 'remarkSamizdatLinks',
    what: 'an unresolved link',
    missing: (node) =>
      node.type === 'linkReference' ||
      node.type === 'imageReference' ||
      node.type === 'definition' ||
      (node.type === 'link' && !node.data?.target && !node.data?.external && !node.url.startsWith('#'))
  }
]

/** One error per missing step, at the first node that shows it. */
function checkResolved(tree: MdastRoot, file: VFile): void {
  const found = new Map<string, {what: string; place: Nodes['position']}>()
  visit(tree, (node: Nodes) => {
    for (const prerequisite of prerequisites) {
      if (!found.has(prerequisite.plugin) && prerequisite.missing(node)) found.set(prerequisite.plugin, {what: prerequisite.what, place: node.position})
    }
  })
  for (const [plugin, {what, place}] of found) {
    const message = file.message(
      `remarkSamizdatHtml needs a resolved tree: found ${what}; use \`${plugin}\` from @samizdat/model before it (or render a tree from \`resolveEdition\`)`,
      {place, ruleId: 'plugin-order', source: 'samizdat'}
    )
    message.fatal = true
  }
}
