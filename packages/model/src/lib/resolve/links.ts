/**
 * Link resolution: every link of a work either points inside the edition
 * (`data.target`, `url` = `#id`) or is made absolute (`data.external`).
 * Relative links resolve against the work's `baseUrl`; an absolute URL that
 * is the canonical `url` of a work in the edition becomes an internal link;
 * legacy fragments (`#app4`) map through the work's `anchors`.
 *
 * This is the one place that decides what a reader can follow: a link with a
 * scheme the edition refuses (`javascript:`, `data:`, `file:`…) is unlinked
 * here, so that no adapter can make it clickable; an image that lives
 * elsewhere becomes a link to it, since no output may load a remote resource.
 * A link that cannot work (a missing fragment, a relative path to nothing in
 * the edition, an address no URL parser accepts) is a warning and its text
 * stands unlinked, never a dangling `href` that would make an EPUB invalid;
 * its address is kept in `apparatus.unlinked` for the apparatus JSON. A link
 * left inside another (a remote badge image in a link) is flattened to its text.
 */
import {posix, sep} from 'node:path'
import type {Definition, Image, Link, Nodes, Parent, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {walk, walkType} from '../walk.js'
import {warn} from '../message.js'
import {isFollowed, uriOf} from './url.js'
import type {LinkTarget} from '../types.js'
import type {UnlinkedLink} from '../apparatus/types.js'
import {textOf} from '../text.js'

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
  /** Landings by work file path (`notes/part-a/x.md`, as the work's file names it), for links between folders. */
  byPath?: Map<string, Landing>
}

/** A path with forward slashes, normalised (`a/./b/../c.md` is `a/c.md`). */
export function slashed(path: string): string {
  return posix.normalize(path.split(sep).join('/'))
}

/** An address that starts with a scheme (`http:`, `mailto:`): not a relative path. */
const scheme = /^[a-z][a-z\d+.-]*:/i

/** Base for telling local paths from addresses elsewhere, as a browser would resolve them. */
const local = 'http://local.invalid/'

/** A link `locate` unlinks: why (the rule of its warning). */
interface Refused {
  refused: UnlinkedLink['rule']
}

export function resolveLinks(tree: Root, here: Landing, baseUrl: string | undefined, context: LinkContext, file: VFile, unlinked?: UnlinkedLink[]): void {
  walk(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined) return undefined
    if (node.type === 'image') {
      const replacement = remoteImage(node, baseUrl, file)
      if (replacement === undefined) return undefined
      parent.children.splice(index, 1, ...(replacement as Parent['children']))
      // Visit what stands in its place (a link is resolved like any other).
      return index
    }
    if (node.type !== 'link') return undefined
    // Links made by the apparatus are internal already.
    if (node.data?.target) return undefined
    const target = locate(node, here, baseUrl, context, file)
    if (typeof target === 'object' && 'refused' in target) {
      unlinked?.push({
        work: here.work,
        url: node.url,
        text: textOf(node),
        rule: target.refused,
        ...(node.position ? {line: node.position.start.line, column: node.position.start.column} : {})
      })
      parent.children.splice(index, 1, ...(node.children as Parent['children']))
      return index
    }
    if (target === undefined) return undefined
    node.data = {...node.data}
    if (typeof target === 'string') {
      node.url = target
      node.data.external = true
    } else {
      node.url = `#${target.id}`
      node.data.target = target
    }
    return undefined
  })
  flattenNestedLinks(tree)
}

/**
 * A link inside a link (a remote badge image made a link, inside the link it was wrapped in) is invalid in HTML and
 * EPUB and cannot be followed twice: the inner one gives way to its text.
 */
function flattenNestedLinks(tree: Root): void {
  walkType(tree, 'link', (outer: Link) => {
    walk(outer, (node: Nodes, index, parent: Parent | undefined) => {
      if (node === outer || node.type !== 'link' || parent === undefined || index === undefined) return undefined
      parent.children.splice(index, 1, ...(node.children as Parent['children']))
      return index
    })
  })
}

/**
 * Reference-style links and images (`[text][ref]` with `[ref]: url`) become
 * plain links and images, so that they are resolved and checked like any
 * other (an adapter would otherwise resolve them itself, unchecked). The
 * first definition of a label wins, as in CommonMark.
 */
export function inlineReferences(tree: Root): void {
  const definitions = new Map<string, Definition>()
  walkType(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  if (definitions.size === 0) return
  walk(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined) return undefined
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return undefined
    const definition = definitions.get(node.identifier)
    if (!definition) return undefined
    const common = {url: definition.url, title: definition.title ?? null, ...(node.position ? {position: node.position} : {})}
    const replacement: Link | Image =
      node.type === 'linkReference'
        ? {type: 'link', ...common, children: node.children}
        : {type: 'image', ...common, alt: node.alt ?? null, ...(node.data ? {data: node.data} : {})}
    parent.children[index] = replacement as Parent['children'][number]
    return undefined
  })
}

/**
 * An image whose address is not a local path (a web address, or a relative
 * one in a work with a `baseUrl`) becomes a link to it with its description
 * as text, reported: no output loads a remote resource. An image with a
 * scheme the edition refuses (`data:`, `javascript:`) is its description alone.
 * Returns undefined for a local image, which stays.
 */
function remoteImage(node: Image, baseUrl: string | undefined, file: VFile): PhrasingContent[] | undefined {
  let address: URL
  try {
    address = new URL(node.url, baseUrl ?? local)
  } catch {
    return undefined
  }
  if (!baseUrl && address.href.startsWith(local)) return undefined
  const text = node.alt || address.href
  if (!/^https?:$/.test(address.protocol)) {
    warn(
      file,
      `Image \`${node.url}\` uses the scheme \`${address.protocol}\`, which the edition does not follow: its description stands in its place`,
      node.position,
      'link-scheme'
    )
    return [{type: 'text', value: text}]
  }
  warn(
    file,
    `Image \`${node.url}\` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place`,
    node.position,
    'image-remote'
  )
  const link: Link = {type: 'link', url: address.href, title: node.title ?? null, children: [{type: 'text', value: text}]}
  if (node.position) link.position = node.position
  return [link]
}

/** A target inside the edition, an absolute URL, `Refused` (to unlink), or undefined to leave the link alone. */
function locate(node: Link, here: Landing, baseUrl: string | undefined, context: LinkContext, file: VFile): LinkTarget | string | Refused | undefined {
  const url = node.url
  if (url.startsWith('#')) return land(here, url.slice(1), node, file)

  // A path to another work's file, relative to this one's folder (`../part-b/x.md`), or its bare name.
  const local = /^([^?#:]+\.(?:md|markdown))(?:#(.*))?$/i.exec(url)
  if (local && !baseUrl) {
    const name = decoded(local[1] as string)
    const path = file.path ? slashed(posix.join(posix.dirname(slashed(file.path)), name)) : undefined
    const landing = (path === undefined ? undefined : context.byPath?.get(path)) ?? (name.includes('/') ? undefined : context.byFile.get(name))
    if (landing) return land(landing, local[2] ?? '', node, file)
  }

  let absolute: URL
  try {
    absolute = baseUrl ? new URL(url, baseUrl) : new URL(url)
  } catch {
    if (baseUrl !== undefined || scheme.test(url)) {
      warn(file, `Link \`${url}\` is not a valid URL: its text stands unlinked`, node.position, 'url-invalid')
      return {refused: 'url-invalid'}
    }
    // A dangling href would make every output invalid (an EPUB refers to a file it does not hold): unlink it.
    warn(
      file,
      `Relative link \`${url}\` cannot be resolved (no work of the edition is \`${url}\`, and the work has no \`baseUrl\`): its text stands unlinked`,
      node.position,
      'link-unresolved'
    )
    return {refused: 'link-unresolved'}
  }
  // Anything else (javascript:, vbscript:, data:, file:) is unlinked: no adapter may make it clickable.
  if (!isFollowed(absolute)) {
    warn(
      file,
      `Link \`${url}\` uses the scheme \`${absolute.protocol}\`, which the edition does not follow: its text stands unlinked`,
      node.position,
      'link-scheme'
    )
    return {refused: 'link-scheme'}
  }
  const fragment = absolute.hash.slice(1)
  absolute.hash = ''
  const landing = context.byUrl.get(absolute.href)
  if (landing) return land(landing, decoded(fragment), node, file)
  if (fragment) absolute.hash = fragment
  const uri = uriOf(absolute)
  if (uri !== undefined) return uri
  warn(file, `Link \`${url}\` cannot be written as a valid URL (\`${absolute.href}\`): its text stands unlinked`, node.position, 'url-invalid')
  return {refused: 'url-invalid'}
}

/** A fragment as written in the heading it names; a malformed escape (`%E0%A4%A`) is kept as written. */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

function land(landing: Landing, fragment: string, node: Link, file: VFile): LinkTarget | Refused {
  if (fragment === '') return {work: landing.work, id: landing.id}
  const id = landing.fragments.get(fragment)
  if (id === undefined) {
    warn(
      file,
      `Link to \`#${fragment}\` in \`${landing.work}\`, which has no such heading or anchor: its text stands unlinked`,
      node.position,
      'anchor-missing'
    )
    return {refused: 'anchor-missing'}
  }
  return {work: landing.work, id}
}
