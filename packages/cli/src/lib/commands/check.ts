import type {Command} from 'commander'
import {count, messagesOf, report} from '../report.js'
import {useColor, type Io, type RunState} from '../run.js'
import {corpusArgument} from '../select.js'
import {parseSize} from '../size.js'

interface Options {
  corpus?: string
  maxFileSize?: number
  strict?: boolean
  json?: boolean
}

export function registerCheck(program: Command, io: Io, state: RunState): void {
  program
    .command('check')
    .description('Check a corpus: editions resolve, sources match their checksums, works match their sources.')
    .argument('[corpus]', 'corpus folder (default: corpus)')
    .option('-c, --corpus <dir>', 'corpus folder (the same as the argument)')
    .option('--json', 'print messages and results as one JSON document on stdout')
    .option('--max-file-size <size>', 'refuse corpus files larger than this (default 50MB)', parseSize)
    .option('--strict', 'treat every warning as an error: exit 1')
    .action(async (argument: string | undefined, options: Options) => {
      state.json = options.json === true
      const corpus = corpusArgument(argument, options.corpus)
      // Imported on use: the model and the adapters load only when a command runs, not for `--help`.
      const {check} = await import('../check.js')
      const result = await check({corpus, cwd: io.cwd, signal: io.signal, maxFileSize: options.maxFileSize, strict: options.strict})
      if (state.json) {
        const {works, editions} = result
        io.stdout.write(`${JSON.stringify({ok: true, exitCode: 0, messages: messagesOf(result.files, io.cwd), works, editions}, null, 2)}\n`)
        return
      }
      io.stderr.write(report(result.files, io.cwd, {color: useColor(io)}))
      io.stdout.write(`${corpus}: ${count(result.works, 'work')}, ${count(result.editions, 'edition')}, no errors\n`)
    })
}
