/**
 * The works' renderings' cache: each work's web page body and EPUB chapters (see `@samizdat/html`'s
 * work-cache.ts), in `.samizdat-cache/works/`, by a fingerprint of what they were rendered from and of the code;
 * and the EPUB's chapters' zip entries, in `chapters/`, by a fingerprint of what goes into them.
 */
import type {WorkStore} from '@samizdat/html'
import {StageStore} from './stage-store.js'

export class WorkCache extends StageStore implements WorkStore {
  /** `dir`: the `.samizdat-cache/` folder; `name`: the stage's folder in it (`works`, or the EPUB's `chapters`). */
  constructor(dir: string, name: 'works' | 'chapters', loop = false) {
    super(dir, name, loop)
  }
}
