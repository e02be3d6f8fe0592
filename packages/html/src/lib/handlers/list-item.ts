/**
 * List items, as `mdast-util-to-hast` renders them, in linear time: its
 * handler works out whether the whole list is loose again for every item
 * (quadratic in the list's length: a 40,000-item list took minutes). Here
 * each list is measured once and the default handler is shown a stand-in
 * parent that answers at once.
 */
import type {List, ListItem} from 'mdast'
import {defaultHandlers, type Handler} from 'mdast-util-to-hast'

export function createListItem(): Handler {
  const looseness = new WeakMap<List, boolean>()
  return (state, node: ListItem, parent) => {
    if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent)
    const list = parent as List
    let loose = looseness.get(list)
    if (loose === undefined) {
      loose = Boolean(list.spread) || list.children.some(itemLoose)
      looseness.set(list, loose)
    }
    const standIn: List = {type: 'list', spread: loose, children: []}
    return defaultHandlers.listItem(state, node, standIn)
  }
}

/** As `mdast-util-to-hast` decides it: an item's own `spread`, or else more than one child. */
function itemLoose(item: ListItem): boolean {
  return item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread
}
