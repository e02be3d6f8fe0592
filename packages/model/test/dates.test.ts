import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

let tmp: {dir: string; cleanup: () => Promise<void>}
before(async () => {
  tmp = await scratch('dates')
})
after(() => tmp.cleanup())
const load = async (name: string, files: Record<string, string>) => {
  await writeTree(join(tmp.dir, name), {'works/a.md': '# A\n\nText.\n', ...files})
  return loadCorpus(name, {cwd: tmp.dir})
}

test('an edition date is parsed once, strictly, into meta.issued (UTC)', async () => {
  const cases: Array<[string, string]> = [
    ['"1921"', '1921-01-01T00:00:00.000Z'],
    ['1921', '1921-01-01T00:00:00.000Z'],
    ['"1921-03"', '1921-03-01T00:00:00.000Z'],
    ['"1921-03-08"', '1921-03-08T00:00:00.000Z'],
    ['"1921-03-08T10:30:00+02:00"', '1921-03-08T08:30:00.000Z'],
    ['"1921-03-08T23:30Z"', '1921-03-08T23:30:00.000Z']
  ]
  for (const [index, [value, iso]] of cases.entries()) {
    const corpus = await load(`good-${index}`, {'editions/e.yaml': `title: E\ndate: ${value}\n`})
    assert.deepEqual(messages(corpus.files), [], value)
    assert.equal(resolveEdition(corpus, 'e').meta.issued?.toISOString(), iso, value)
  }
})

test('free-form and impossible dates are errors with a hint', async () => {
  const cases: Array<[string, string]> = [
    ['March 1921', 'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; use 1921-03'],
    ['8 March 1921', 'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; use 1921-03-08'],
    [
      '03/08/1921',
      'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; write it as YYYY-MM-DD (day and month order is ambiguous in `03/08/1921`)'
    ],
    ['1921-13', 'the month 13 does not exist'],
    ['1921-02-30', '1921-02 has no day 30'],
    ['1921/1922', 'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (an interval is not allowed here)'],
    ['1921-03-08T10:30', 'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ'],
    ['99999', 'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ']
  ]
  for (const [index, [value, problem]] of cases.entries()) {
    const corpus = await load(`bad-${index}`, {'editions/e.yaml': `title: E\ndate: "${value}"\n`})
    assert.deepEqual(messages(corpus.files), [
      `bad-${index}/editions/e.yaml:2:7: Malformed date \`${value}\` in edition at \`date\`: ${problem} [date-invalid]`
    ])
  }
})

test('work, publication-history and timeline dates are checked; intervals where allowed', async () => {
  const corpus = await load('fields', {
    'works/b.md':
      '---\ntitle: B\ndate: "Spring 1921"\npublicationHistory:\n  - {date: "1921/1922", event: ok}\n  - {date: "1922/1921", event: backwards}\n---\n\nB.\n',
    'timeline.yaml': 'events:\n  - {date: "1921-03/1921-04", label: ok}\n  - {date: "1921-00", label: bad}\n'
  })
  assert.deepEqual(messages(corpus.files), [
    'fields/works/b.md:3:7: Malformed date `Spring 1921` in front matter at `date`: expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ [date-invalid]',
    'fields/works/b.md:6:12: Malformed date `1922/1921` in front matter at `publicationHistory.1.date`: the interval ends before it starts [date-invalid]',
    'fields/timeline.yaml:3:12: Malformed date `1921-00` in timeline: the month 00 does not exist [date-invalid]'
  ])
  assert.deepEqual(
    corpus.works.find((work) => work.meta.id === 'b')?.meta.publicationHistory.map((event) => event.date),
    ['1921/1922']
  )
  assert.deepEqual(
    corpus.apparatus.timeline.map((event) => event.date),
    ['1921-03/1921-04']
  )
})
