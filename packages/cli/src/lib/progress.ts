/**
 * What a build shows while it runs: on a terminal a live task list, one task
 * per edition and format (listr2); elsewhere (a pipe, CI) one plain line per
 * task done; then a closing summary with each output's path, size and time.
 */
import path from 'node:path'
import process from 'node:process'
import bytes from 'bytes'
import type {Progress, Written} from './build.js'
import {clean, count} from './report.js'
import type {Io} from './run.js'

export interface Shown {
  /** Told of every step of the build (`BuildOptions.onProgress`). */
  onProgress(event: Progress): void
  /** The build ended (either way): the live list stops. */
  end(error?: unknown): Promise<void>
}

/** How long something took, as people read it: `340 ms`, `1.2 s`. */
export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** Plain lines: `built both: pdf (1.2 s)` as each task ends. */
export function plainProgress(io: Io): Shown {
  return {
    onProgress(event) {
      if (event.type === 'done') io.stderr.write(clean(`built ${event.edition}: ${event.format} (${seconds(event.ms)})`) + '\n')
    },
    end: async () => {}
  }
}

/** A live task list on a terminal (listr2), drawn on stderr so that stdout stays the output's. */
export async function liveProgress(): Promise<Shown> {
  const {Listr, ListrLogger, ProcessOutput} = await import('listr2')
  // One promise per task, made with the plan: the build may finish a task before the list starts drawing it.
  const tasks = new Map<string, {promise: Promise<void>; resolve(): void; reject(error: unknown): void; title: string}>()
  let list: Promise<unknown> | undefined
  const key = (edition: string, format: string): string => `${edition}\u0000${format}`
  return {
    onProgress(event) {
      if (event.type === 'plan') {
        for (const {edition, format} of event.tasks) {
          let settle: Pick<NonNullable<ReturnType<typeof tasks.get>>, 'resolve' | 'reject'> | undefined
          const promise = new Promise<void>((resolve, reject) => (settle = {resolve, reject}))
          // A failed build rejects the tasks it never reached; nobody else awaits them.
          promise.catch(() => undefined)
          tasks.set(key(edition, format), {promise, ...(settle as NonNullable<typeof settle>), title: clean(`${edition}: ${format}`)})
        }
        const listr = new Listr(
          [...tasks.values()].map((entry) => ({
            title: entry.title,
            task: async (_context: unknown, task: {title: string}) => {
              await entry.promise
              task.title = entry.title
            }
          })),
          {
            concurrent: false,
            exitOnError: true,
            registerSignalListeners: false,
            // stderr is the terminal; stdout may be a pipe taking the output (`-o -`).
            forceTTY: true,
            rendererOptions: {logger: new ListrLogger({processOutput: new ProcessOutput(process.stderr, process.stderr)})}
          }
        )
        list = listr.run().catch(() => undefined)
      } else if (event.type === 'done') {
        const task = tasks.get(key(event.edition, event.format))
        if (task === undefined) return
        task.title = clean(`${event.edition}: ${event.format} (${seconds(event.ms)})`)
        task.resolve()
      }
    },
    async end(error) {
      if (error !== undefined) for (const task of tasks.values()) task.reject(error)
      await list
    }
  }
}

/** The closing summary: `wrote dist/both.pdf (1.2 MB, 3.4 s)`, a line per output. */
export function summary(written: readonly Written[], out: string): string {
  return written
    .map((entry) => {
      const size = entry.path.endsWith('/')
        ? `${count(entry.files, 'file')}, ${bytes.format(entry.bytes, {unitSeparator: ' '})}`
        : bytes.format(entry.bytes, {unitSeparator: ' '})
      const time = entry.ms > 0 ? `, ${seconds(entry.ms)}` : ''
      return clean(`wrote ${shownPath(out, entry.path)} (${size}${time})`) + '\n'
    })
    .join('')
}

/** An output's path as the user reads it: inside the output folder `out`, or the file itself (`out` empty). */
export function shownPath(out: string, entry: string): string {
  return out === '' ? entry : path.join(out, entry)
}
