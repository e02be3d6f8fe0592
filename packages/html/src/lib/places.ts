/**
 * Where a caller's named text nodes end up in the rendered fragment, so that it can mark places in them
 * afterwards without rendering again (the EPUB's print page breaks, which are known only once the PDF is laid
 * out). Each mdast text node `places` names is tagged as it becomes hast text; before raw HTML is parsed the
 * tagged nodes' offsets in the fragment's text are noted; after the whole pipeline each final text node holding
 * one gets `data.places`: `[name, start, length]` of that node's text within its own value.
 *
 * The HTML parser merges adjacent text, so the offsets are carried by the text itself: they hold only where the
 * text comes out exactly as it went in and nothing was parsed from source markup (no `raw` node but comments).
 * Otherwise no node is tagged, and the caller, finding its places missing, renders the tree with its marks in it instead.
 */
import type {Root, RootContent, Text as HastText} from 'hast'
import type {Text} from 'mdast'
import type {Handler} from 'mdast-util-to-hast'

/** Names text nodes of the tree being rendered; `undefined` for those of no interest. */
export type TextPlaces = (node: Text) => string | undefined

/** A place found in a final text node: its name, and where its text lies in the node's value. */
type FoundPlace = [name: string, start: number, length: number]

interface Noted {
  /** The fragment's text in document order before parsing, and each tagged node's place in it. */
  text: string
  found: Array<{name: string; at: number; length: number}>
  /** Raw HTML was there: the parser makes text of its own. */
  raw: boolean
}

/**
 * Whether raw HTML is one comment and nothing else (`<!-- definitions -->`, common in READMEs): parsed, it is a
 * comment node, which the sanitiser drops; it holds no text and moves none.
 */
export function isHtmlComment(value: string): boolean {
  return /^<!--(?!-?>)(?:(?!--!?>)[^])*-->$/.test(value)
}

/** The text handler, tagging the hast text of each named node (`data.place`). */
export function placeTagging(handler: Handler, places: TextPlaces): Handler {
  return function (state, node: Text, parent) {
    const result = handler(state, node, parent)
    const name = places(node)
    if (name !== undefined && result && !Array.isArray(result) && result.type === 'text') {
      result.data = {...result.data, place: name} as HastText['data']
    }
    return result
  }
}

/** The two ends of the pipeline: `note` runs first (the tree as `mdast-util-to-hast` made it), `attach` last. */
export function placeTracking(): {note: () => (tree: Root) => void; attach: () => (tree: Root) => void} {
  const noted: Noted = {text: '', found: [], raw: false}
  return {
    note: () => (tree) => {
      const pieces: string[] = []
      let length = 0
      walk(tree, (node) => {
        if (node.type === 'raw' && !isHtmlComment(node.value)) noted.raw = true
        if (node.type !== 'text') return
        const name = (node.data as {place?: string} | undefined)?.place
        if (name !== undefined) {
          noted.found.push({name, at: length, length: node.value.length})
          delete (node.data as {place?: string}).place
        }
        pieces.push(node.value)
        length += node.value.length
      })
      noted.text = pieces.join('')
    },
    attach: () => (tree) => {
      if (noted.raw || noted.found.length === 0) return
      const texts: HastText[] = []
      walk(tree, (node) => void (node.type === 'text' && texts.push(node)))
      if (texts.map((node) => node.value).join('') !== noted.text) return
      // Both lists are in document order: one pass. An empty text has no one spot (left untagged: a page
      // starting there is not found); one straddling two nodes means the text did not come through as it was.
      const tags: Array<[HastText, FoundPlace]> = []
      let index = 0
      let start = 0
      for (const {name, at, length} of noted.found) {
        if (length === 0) continue
        while (index < texts.length && start + (texts[index] as HastText).value.length <= at) start += (texts[index++] as HastText).value.length
        const node = texts[index]
        if (!node || at + length > start + node.value.length) return
        tags.push([node, [name, at - start, length]])
      }
      for (const [node, place] of tags) {
        const data = (node.data ?? {}) as {places?: FoundPlace[]}
        data.places = [...(data.places ?? []), place]
        node.data = data as HastText['data']
      }
    }
  }
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}
