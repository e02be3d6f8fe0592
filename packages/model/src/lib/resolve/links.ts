/**
 * Link resolution: every link of a work either points inside the edition
 * (`data.target`, `url` = `#id`) or is made absolute (`data.external`).
 * Relative links resolve against the work's `baseUrl`; an absolute URL that
 * is the canonical `url` of a work in the edition becomes an internal link;
 * legacy fragments (`#app4`) map through the work's `anchors`.
 */
import type {Link, Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {fail, warn} from '../message.js'
import type {LinkTarget} from '../types.js'

/** What links can land on in one work (or the preface). */
export interface Landing {
  work: string
  /** Id of the start of the work. */
  id: string
  /** Fragment (heading slug as written, assigned id, legacy anchor) -> id. */
  fragments: Map<string, string>
}

export interface LinkContext {
  /** Landings by canonical URL (without fragment). */
  byUrl: Map<string, Landing>
  /** Landings by work file name (`other.md`), for plain Markdown folders. */
  byFile: Map<string, Landing>
}

export function resolveLinks(tree: Root, here: Landing, baseUrl: string | undefined, context: LinkContext, file: VFile): void {
  visit(tree, 'link', (node: Link) => {
    // Links made by the apparatus are internal already.
    if (node.data?.target) return
    const target = locate(node, here, baseUrl, context, file)
    if (target === undefined) return
    node.data = {...node.data}
    if (typeof target === 'string') {
      node.url = target
      node.data.external = true
    } else {
      node.url = `#${target.id}`
      node.data.target = target
    }
  })
}

/** A target inside the edition, an absolute URL, or undefined to leave the link alone. */
function locate(node: Link, here: Landing, baseUrl: string | undefined, context: LinkContext, file: VFile): LinkTarget | string | undefined {
  const url = node.url
  if (url.startsWith('#')) return land(here, url.slice(1), node, file)

  const local = /^([^/?#:]+\.md)(?:#(.*))?$/.exec(url)
  if (local && !baseUrl) {
    const landing = context.byFile.get(local[1] as string)
    if (landing) return land(landing, local[2] ?? '', node, file)
  }

  let absolute: URL
  try {
    absolute = baseUrl ? new URL(url, baseUrl) : new URL(url)
  } catch {
    warn(file, `Relative link \`${url}\` cannot be resolved: the work has no \`baseUrl\``, node.position, 'link-unresolved')
    return undefined
  }
  // Only web and mail addresses leave the edition; anything else (javascript:, data:) is left for sanitisers.
  if (!/^(?:https?|mailto):$/.test(absolute.protocol)) {
    warn(file, `Link \`${url}\` uses the scheme \`${absolute.protocol}\`, which the edition does not follow`, node.position, 'link-scheme')
    return undefined
  }
  const fragment = absolute.hash.slice(1)
  absolute.hash = ''
  const landing = context.byUrl.get(absolute.href)
  if (landing) return land(landing, decodeFragment(fragment), node, file)
  if (fragment) absolute.hash = fragment
  return absolute.href
}

function land(landing: Landing, fragment: string, node: Link, file: VFile): LinkTarget | undefined {
  if (fragment === '') return {work: landing.work, id: landing.id}
  const id = landing.fragments.get(fragment)
  if (id === undefined) {
    fail(file, `Link to \`#${fragment}\` in \`${landing.work}\`, which has no such heading or anchor`, node.position, 'anchor-missing')
    return undefined
  }
  return {work: landing.work, id}
}

/** A fragment as written when it is no valid percent-encoding (`#%zz`): it then names no anchor, and says so. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
