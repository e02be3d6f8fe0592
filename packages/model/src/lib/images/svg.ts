/**
 * SVG from a corpus is sanitised before any output carries it: parsed as XML
 * (a file that is not well-formed is refused), then stripped of what runs or
 * loads: scripts, event handlers, `foreignObject` (HTML inside the drawing),
 * animations that could set a link, and every reference that is not a
 * fragment of the drawing itself (`href`, `url(…)` in attributes and styles,
 * `@import`). Processing instructions and the doctype (entities) go too.
 */
import type {Element, ElementContent, Root, RootContent} from 'xast'
import {xastFromXml, xastToXml} from '../lazy.js'

const svgNamespace = 'http://www.w3.org/2000/svg'

/** Elements dropped with their content (compared without prefix, case-insensitively). */
const dropped = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video', 'canvas', 'handler', 'listener', 'set'])

/** A `url(…)` that names anything but a fragment (`url(#gradient)` stays). */
const externalUrl = /url\(\s*(?!['"]?\s*#)/i

export type SvgResult = {svg: Uint8Array; problem?: undefined} | {problem: string; svg?: undefined}

/** The drawing, sanitised and serialised as UTF-8; or why it is not an SVG drawing. */
export function sanitizeSvg(bytes: Uint8Array): SvgResult {
  let tree: Root
  try {
    tree = xastFromXml()(new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes))
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause : error) : undefined
    return {problem: `it is not well-formed UTF-8 XML (${cause ? cause.message.split('\n')[0] : String(error)})`}
  }
  const root = tree.children.find((node): node is Element => node.type === 'element')
  if (!root || localName(root.name) !== 'svg') return {problem: 'its root element is not `<svg>`'}
  root.attributes['xmlns'] ??= svgNamespace
  const clean: Root = {type: 'root', children: [clean_(root) as RootContent]}
  return {svg: new TextEncoder().encode(xastToXml()(clean))}
}

/** What a link in a drawing keeps as a group: it links nowhere (its `href` would load or leave). */
const groupAttributes = new Set(['id', 'class', 'style', 'transform'])

function clean_(element: Element): Element {
  if (localName(element.name) === 'a') {
    const attributes = Object.fromEntries(Object.entries(element.attributes).filter(([name]) => groupAttributes.has(name)))
    return clean_({...element, name: element.name.replace(/a$/, 'g'), attributes})
  }
  const attributes: Element['attributes'] = {}
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value === null || value === undefined) continue
    const local = localName(name).toLowerCase()
    if (local.startsWith('on')) continue
    if ((local === 'href' || local === 'src') && !String(value).trim().startsWith('#')) continue
    if (externalUrl.test(String(value))) continue
    attributes[name] = value
  }
  const children: ElementContent[] = []
  for (const child of element.children) {
    if (child.type === 'element') {
      const local = localName(child.name).toLowerCase()
      if (dropped.has(local)) continue
      // Animations may set an attribute to a link or a handler.
      if (local.startsWith('animate') && /href|^on/i.test(String(child.attributes['attributeName'] ?? ''))) continue
      if (local === 'style' && styleLoads(child)) continue
      const cleaned = clean_(child)
      // An image or a use whose reference was dropped shows nothing.
      if ((local === 'image' || local === 'use') && !Object.keys(cleaned.attributes).some((name) => localName(name) === 'href')) continue
      children.push(cleaned)
    } else if (child.type === 'text' || child.type === 'cdata') {
      children.push(child)
    }
    // Comments and processing instructions are dropped.
  }
  return {...element, attributes, children}
}

function styleLoads(style: Element): boolean {
  const text = style.children.map((child) => ('value' in child ? child.value : '')).join('')
  return /@import/i.test(text) || externalUrl.test(text)
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}
