import {mkdir, readdir, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from '@samizdat/model/errors'
import type {Command} from 'commander'
import {clean} from '../report.js'
import type {Io} from '../run.js'
import {scaffold} from '../scaffold.js'

export function registerNew(program: Command, io: Io): void {
  program
    .command('new')
    .description('Start a corpus: one work, an edition with a preface, an annotation and a bibliography entry.')
    .argument('[folder]', 'folder to create, which must be new or empty', '.')
    .action(async (folder: string) => {
      const target = path.resolve(io.cwd, folder)
      await assertEmpty(target, folder)
      await mkdir(target, {recursive: true})
      for (const [name, text] of Object.entries(scaffold)) {
        await mkdir(path.dirname(path.join(target, name)), {recursive: true})
        // `wx`: a file that appeared meanwhile is never overwritten.
        await writeFile(path.join(target, name), text, {flag: 'wx'})
      }
      const shown = path.relative(io.cwd, target) || '.'
      const lines = [
        `created ${shown}/ with:`,
        ...Object.keys(scaffold).map((name) => `  ${name}`),
        '',
        'next:',
        `  samizdat preview ${shown}   (serve it, rebuilt on every change)`,
        `  samizdat build ${shown}`
      ]
      io.stderr.write(lines.map((line) => clean(line)).join('\n') + '\n')
    })
}

/** `samizdat new` never writes into a folder holding anything, nor over a file. */
async function assertEmpty(target: string, shown: string): Promise<void> {
  const stats = await stat(target).catch(() => undefined)
  if (stats === undefined) return
  if (!stats.isDirectory()) throw new UsageError(`"${shown}" exists and is not a folder; choose a new folder`)
  const names = await readdir(target)
  if (names.length > 0) throw new UsageError(`"${shown}" is not empty (${names.length} entr${names.length === 1 ? 'y' : 'ies'}); choose a new or empty folder`)
}
