/**
 * Show how each curated work departs from its verbatim source, if it does.
 * Usage: node --conditions=source --import tsx scripts/fidelity.ts [work-id…] [--corpus DIR]
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {compareWithSource, describeDifference, loadCorpus, sourceText} from '@samizdat/model'

const {values, positionals} = parseArgs({allowPositionals: true, options: {corpus: {type: 'string', default: 'corpus'}}})
const corpus = await loadCorpus(values.corpus)
for (const file of corpus.files) for (const message of file.messages) console.error(String(message))
let failed = false
for (const work of corpus.works) {
  if (positionals.length > 0 && !positionals.includes(work.meta.id)) continue
  const ref = work.meta.source
  const entry = corpus.sources.find((candidate) => candidate.file === ref?.file)
  if (!ref || !entry) {
    console.log(`${work.meta.id}: no source recorded`)
    continue
  }
  const {text, problems} = sourceText(await readFile(join(corpus.dir, 'sources', entry.file), 'utf8'), entry)
  for (const problem of problems) console.log(`${work.meta.id}: ${problem.reason}`)
  const differences = compareWithSource(work, text)
  for (const difference of differences) {
    failed = true
    const place = difference.place ? `${work.file.path}:${difference.place.line}:${difference.place.column}` : work.file.path
    console.log(`${place}: ${describeDifference(difference, entry.file)}`)
  }
  if (differences.length === 0) {
    console.log(`${work.meta.id}: matches ${entry.file} word for word`)
  }
  if (problems.length > 0) failed = true
}
process.exitCode = failed ? 1 : 0
