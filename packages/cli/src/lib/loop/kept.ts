/**
 * What a loop (`samizdat watch`, `preview`) keeps from one build to the next: the worker thread, alive with its
 * code and fonts loaded (threads.ts, `WorkerKeeper`), and each stage's cache with the entries the last build read
 * or made in memory (cache/entries.ts). Everything kept is found again by the same keys as on the disk (content
 * hashes of what an entry was made from, and of the code), so a build in a loop takes exactly what a new process
 * would take from `.samizdat-cache/`, without reading it again.
 */
import {LayoutCache} from '../cache/layout.js'
import {ParseCache} from '../cache/parse.js'
import {WorkCache} from '../cache/works.js'
import {WorkerKeeper} from '../threads.js'

/** The stages' caches of one `.samizdat-cache/` folder. */
export interface Stages {
  parse: ParseCache
  layouts: LayoutCache
  works: WorkCache
  chapters: WorkCache
}

export class BuildLoop {
  readonly worker = new WorkerKeeper()
  #stages: {dir: string; stages: Stages} | undefined

  /** The stages' caches for a build into `dir`'s cache, each begun anew (see `EntryFolder.begin`). */
  stages(dir: string): Stages {
    if (this.#stages?.dir !== dir) this.#stages = {dir, stages: newStages(dir, true)}
    const {stages} = this.#stages
    for (const stage of [stages.parse, stages.layouts, stages.works, stages.chapters]) stage.folder.begin()
    return stages
  }

  /** Ends the kept worker. */
  async close(): Promise<void> {
    await this.worker.close()
  }
}

/** The stages' caches of `dir`; `loop`: kept in memory between builds. */
export function newStages(dir: string, loop = false): Stages {
  return {
    parse: new ParseCache(dir, loop),
    layouts: new LayoutCache(dir, loop),
    works: new WorkCache(dir, 'works', loop),
    chapters: new WorkCache(dir, 'chapters', loop)
  }
}
