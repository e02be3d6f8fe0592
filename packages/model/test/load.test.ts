import assert from 'node:assert/strict'
import {readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {corpusFromFiles, hasErrors, loadCorpus} from '@samizdat/model'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))

/** Every message as `path:line:column: reason [rule]`, for exact assertions. */
function messages(files: Awaited<ReturnType<typeof loadCorpus>>['files']): string[] {
  return files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`))
}

test('a folder of plain Markdown files is one edition named after the folder, in file-name order', async () => {
  const corpus = await loadCorpus('plain-folder', {cwd: fixtures})
  assert.deepEqual(messages(corpus.files), [])
  assert.deepEqual(
    corpus.works.map((work) => [work.meta.id, work.meta.title]),
    [
      ['a-first', 'First essay'],
      ['b-second', 'Second essay']
    ]
  )
  assert.deepEqual(
    corpus.editions.map((edition) => [edition.id, edition.works]),
    [['plain-folder', ['a-first', 'b-second']]]
  )
  // The title heading became the title, not body text.
  assert.equal(corpus.works[0]?.tree.children[0]?.type, 'heading')
  assert.equal((corpus.works[0]?.tree.children[0] as {depth: number}).depth, 2)
})

test('content errors are collected with file, line, column and rule', async () => {
  const corpus = await loadCorpus('broken', {cwd: fixtures})
  assert.equal(hasErrors(corpus.files), true)
  assert.deepEqual(messages(corpus.files).sort(), [
    'broken/editions/main.yaml:4:5: Unknown work `missing-work` in edition: expected one of `good`, `untitled` [work-unknown]',
    'broken/works/typo.md:3:1: Unknown field `langauge` in front matter [field-unknown]',
    'broken/works/typo.md:4:31: Malformed value in front matter at `source.sha256`: must match ^[0-9a-f]{64}$ [field-invalid]',
    'broken/works/untitled.md:1:1: No title: the work is titled `untitled` from its file name (give it front matter with a `title`, or start it with a `#` heading) [title-missing]'
  ])
})

test('a missing corpus folder is a usage error', async () => {
  await assert.rejects(loadCorpus('no-such-folder', {cwd: fixtures}), {name: 'UsageError', message: /Corpus folder not found: no-such-folder/})
})

test('the project corpus loads without a message', async () => {
  const dir = fileURLToPath(new URL('../../../corpus', import.meta.url))
  const corpus = await loadCorpus(dir)
  assert.deepEqual(messages(corpus.files), [])
  assert.deepEqual(
    corpus.editions.map((edition) => edition.id),
    ['workers-opposition']
  )
  // Every work file and every source the folder holds, however many the corpus grows to.
  const names = (folder: string, keep: (name: string) => boolean) => readdirSync(`${dir}/${folder}`).filter(keep).sort()
  assert.deepEqual(
    corpus.works.map((work) => `${work.meta.id}.md`).sort(),
    names('works', (name) => name.endsWith('.md'))
  )
  assert.deepEqual(
    corpus.sources.map((source) => source.file).sort(),
    names('sources', (name) => name !== 'manifest.yaml')
  )
  assert.ok(corpus.works.length > 0 && corpus.sources.length > 0)
})

test('the committed validators are what the schemas compile to (`pnpm validators` after changing a schema)', async () => {
  const {readFile} = await import('node:fs/promises')
  const {generatedFile, validatorsSource} = await import('../scripts/validators.js')
  assert.equal(await readFile(generatedFile, 'utf8'), validatorsSource())
})

test('YAML parsed once per text (yaml.ts keeps recent documents): a load again gives the same values and messages, placed', async () => {
  const files = {
    'works/a.md': '---\ntitle: A\nauthors: [Alexandra Kollontai]\n---\n\nText.\n',
    'editions/e.yaml': 'id: e\ntitle: An edition\nworks: [a]\nrights: !!js/function "x"\n',
    'persons.yaml': 'persons:\n  - id: k\n    name: Kollontai\n    variants: [*nowhere]\n'
  }
  const shown = (corpus: Awaited<ReturnType<typeof corpusFromFiles>>) => ({
    messages: corpus.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`)),
    works: corpus.works.map((work) => work.meta)
  })
  const first = shown(await corpusFromFiles(files))
  assert.ok(
    first.messages.some((line) => /^editions\/e\.yaml:4:\d+ yaml-invalid /.test(line)),
    first.messages.join('\n')
  )
  assert.ok(
    first.messages.some((line) => /^persons\.yaml:4:\d+ yaml-invalid /.test(line)),
    first.messages.join('\n')
  )
  assert.deepEqual(shown(await corpusFromFiles(files)), first)
  // The same front matter in two works: each gets its message, on its own file.
  const twice = 'works/b.md'
  const same = '---\ntitle: A\nrights: !!js/function "x"\n---\n\nText.\n'
  const both = shown(await corpusFromFiles({...files, 'works/a.md': same, [twice]: same}))
  assert.deepEqual(
    both.messages.filter((line) => / yaml-invalid /.test(line) && line.startsWith('works/')).map((line) => line.replace(/ yaml-invalid .*/, '')),
    ['works/a.md:3:9', 'works/b.md:3:9']
  )
})

test('Markdown without `@`, `www.`, `http://`, `|`, `[` or `$` (front matter aside) is parsed without those GFM constructs (gfm.ts) or math: the tree remark-gfm and remark-math give', async () => {
  const {unified} = await import('unified')
  const {default: remarkParse} = await import('remark-parse')
  const {default: remarkFrontmatter} = await import('remark-frontmatter')
  const {default: remarkGfm} = await import('remark-gfm')
  const {default: remarkMath} = await import('remark-math')
  const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath)
  const bodies = {
    // Autolink literals the raw text does not show: an escape, character references.
    escaped: 'See www\\.commonmark.org/help, a&#64;b.org, foo&#x40;bar.example.com, http&#58;//x.org and &#119;ww.z.org.\n',
    // Tables without a `|`: an alignment colon is enough.
    pipeless: 'a\n:-\n\nb c\n-:\n\nd\n:-:\n',
    // Both in the raw text: the whole of GFM.
    raw: 'Www.Example.com, HTTP://EXAMPLE.COM/a, mailto:a@b.co and xmpp:a@b.co/c\n\nx | y\n--|--\n1 | 2\n',
    // Neither, anywhere: nothing to find.
    plain: 'A paragraph, *emphasis*, ~~struck~~, a note[^1] and $x$.\n\n[^1]: The note.\n',
    // No `[`, `|` or `$`: neither tables nor task lists (nor their mdast utilities), nor math; autolinks still.
    bare: 'A paragraph, *emphasis*, ~~struck~~, www.example.org, a@b.co, www\\.x.org and a&#64;b.org.\n',
    // Task lists, without tables.
    tasks: '- [ ] open\n- [x] done\n\nA ~~struck~~ word.\n',
    // Math, alone.
    dollars: 'It costs $5, or $x$, or\n\n$$\ny\n$$\n'
  }
  // What the front matter holds is no Markdown: a text with all of it there has none of it.
  const matter = {plain: 'url: https://www.example.org/a|b\nrights: a@b.org\n', raw: 'url: https://example.org\n'}
  const text = (name: string): string => `---\ntitle: T\n${matter[name as keyof typeof matter] ?? ''}---\n\n${bodies[name as keyof typeof bodies]}`
  const corpus = await corpusFromFiles(Object.fromEntries(Object.keys(bodies).map((name) => [`works/${name}.md`, text(name)])))
  assert.deepEqual(messages(corpus.files), [])
  for (const work of corpus.works) {
    const tree = reference.parse(text(work.meta.id))
    assert.deepEqual(work.tree.children, tree.children.slice(1), work.meta.id)
  }
  // The cases are what they say: links and tables were found.
  const types = (id: string) => JSON.stringify(corpus.works.find((work) => work.meta.id === id)?.tree).match(/"type":"(link|table)"/g)?.length ?? 0
  assert.deepEqual([types('escaped'), types('pipeless'), types('raw'), types('plain'), types('bare')], [5, 3, 5, 0, 4])
  const tree = (id: string) => JSON.stringify(corpus.works.find((work) => work.meta.id === id)?.tree)
  assert.deepEqual(tree('tasks').match(/"checked":(true|false)/g), ['"checked":false', '"checked":true'])
  assert.deepEqual(tree('dollars').match(/"type":"(inlineMath|math)"/g), ['"type":"inlineMath"', '"type":"math"'])
})
