import type {Command} from 'commander'
import {count, report} from '../report.js'
import type {Io} from '../run.js'
import {parseSize} from '../size.js'

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('Check a corpus: editions resolve, sources match their checksums, works match their sources.')
    .option('-c, --corpus <dir>', 'corpus folder', 'corpus')
    .option('--max-file-size <size>', 'refuse corpus files larger than this (default 50MB)', parseSize)
    .option('--strict', 'treat every warning as an error: exit 1')
    .action(async (options: {corpus: string; maxFileSize?: number; strict?: boolean}) => {
      // Imported on use: the model and the adapters load only when a command runs, not for `--help`.
      const {check} = await import('../check.js')
      const result = await check({corpus: options.corpus, cwd: io.cwd, signal: io.signal, maxFileSize: options.maxFileSize, strict: options.strict})
      io.stderr.write(report(result.files, io.cwd))
      io.stdout.write(`${options.corpus}: ${count(result.works, 'work')}, ${count(result.editions, 'edition')}, no errors\n`)
    })
}
