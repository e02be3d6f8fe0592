/** What the model keeps on vfiles (registered the unified way, by augmentation). */
import type {Position} from 'unist'

declare module 'vfile' {
  interface DataMap {
    /** Where a front-matter or YAML value is written, by data path. */
    locate: (path: ReadonlyArray<string | number>) => Position
  }
}

export {}
