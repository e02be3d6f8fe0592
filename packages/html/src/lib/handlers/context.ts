import type {ImageAsset} from '@samizdat/model'
import type {Words} from '../labels.js'
import type {HrefFor} from '../types.js'

/** What handlers share for one rendering: decided once from the fragment options. */
export interface HandlerContext {
  hrefFor: HrefFor | undefined
  anchors: boolean
  headingOffset: number
  labels: Words
  epub: boolean
  /** Legacy ids by heading id. */
  aliases: ReadonlyMap<string, readonly string[]>
  /** The edition's images by `path` (what an image node's `data.asset` names). */
  assets: ReadonlyMap<string, ImageAsset>
}
