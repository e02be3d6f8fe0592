/**
 * Resolved mdast to a sanitised hast fragment: the one path every page and
 * every EPUB chapter goes through.
 */
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {UsageError} from '@samizdat/model'
import {rehypeTidy} from './tidy.js'
import {rehypeDirection} from './direction.js'
import {rehypeReportDropped} from './dropped.js'
import {createHandlers, unknownHandler} from './handlers/index.js'
import {rehypeLocalImages, rehypeRemoteImages} from './images.js'
import {fragmentWords} from './labels.js'
import {rehypeMarkOwn, rehypeRestoreOwn} from './own-ids.js'
import {placeTagging, placeTracking} from './places.js'
import {rehypeRawLinks} from './raw-links.js'
import {rehypeRawWhenNeeded} from './reparse.js'
import {reporter} from './report.js'
import {schema} from './schema.js'
import type {FragmentOptions} from './types.js'

/**
 * Render a resolved mdast tree (a work's body, a preface) to a hast root.
 * Raw HTML is parsed and the whole result sanitised; the tree is not changed.
 * What the sanitiser leaves out with its content, and remote images, are
 * reported to `options.report`, else on `options.file`.
 */
export function renderFragment(tree: MdastRoot, options: FragmentOptions = {}): HastRoot {
  const headingOffset = options.headingOffset ?? 0
  if (!Number.isInteger(headingOffset)) {
    throw new UsageError('Expected an integer `headingOffset`, not `' + String(headingOffset) + '`')
  }
  const assets = new Map((options.assets ?? []).map((asset) => [asset.path, asset]))
  const handlers = createHandlers(
    {
      hrefFor: options.hrefFor,
      anchors: options.anchors ?? true,
      headingOffset,
      labels: fragmentWords(options),
      epub: options.epub ?? false,
      aliases: new Map(Object.entries(options.aliases ?? {})),
      assets
    },
    options.handlers
  )
  const report = reporter(options.file, options.report)
  // Where the caller's named text nodes end up (places.ts): noted before raw HTML is parsed, told after the rest.
  const places = options.places
  if (places && handlers['text']) handlers['text'] = placeTagging(handlers['text'], places)
  const tracking = places ? placeTracking() : undefined
  return unified()
    .use(remarkRehype, {allowDangerousHtml: true, handlers, unknownHandler})
    .use(tracking?.note ?? noop)
    .use(rehypeMarkOwn)
    .use(rehypeRawWhenNeeded)
    .use(rehypeReportDropped(report))
    .use(rehypeSanitize, schema)
    .use(rehypeRawLinks(report))
    .use(rehypeRestoreOwn)
    .use(rehypeLocalImages(tree, assets))
    .use(rehypeRemoteImages(report))
    .use(rehypeTidy)
    .use(rehypeDirection)
    .use(tracking?.attach ?? noop)
    .runSync(tree)
}

function noop(): void {}
