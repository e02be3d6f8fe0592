/**
 * Links of a source's raw HTML (`<a href="…">`), which the model never sees
 * as links: only a web or mail address is kept (normalised as a browser would,
 * spaces and non-ASCII percent-encoded), as the model keeps only those of
 * Markdown links, by the model's rule (`followedUrl`). A relative path, a backslash or an address no URL parser
 * accepts would dangle (an EPUB refers to a file it does not hold): the link's
 * text stands unlinked, with a warning where it is. A source's own fragment
 * links are left to own-ids.ts; the model's links were marked before raw HTML
 * was parsed (`ownMark`) and pass untouched.
 */
import type {Root} from 'hast'
import {eachElement} from './walk.js'
import {followedUrl} from '@samizdat/model'
import {ownMark} from './own-ids.js'
import type {Report} from './report.js'

export function rehypeRawLinks(report: Report) {
  return function () {
    return function (tree: Root) {
      eachElement(tree, (node) => {
        if (node.tagName !== 'a') return
        const href = node.properties['href']
        if (typeof href !== 'string' || href.startsWith(ownMark) || href.startsWith('#')) return
        const url = followedUrl(href)
        if (url !== undefined) {
          node.properties['href'] = url
          return
        }
        delete node.properties['href']
        delete node.properties['rel']
        report(
          `Raw HTML link \`${href}\` leads nowhere in the edition (only web and mail addresses are followed): its text stands unlinked`,
          node.position,
          'link-unresolved'
        )
      })
    }
  }
}
