/**
 * Math and code in the book: formulas as MathML in the MathML namespace, the
 * documents holding them flagged `mathml` in the manifest, code as token
 * spans with classes the stylesheet colours; and the book passes epubcheck.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {promisify} from 'node:util'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {toEpub} from '@samizdat/epub'
import {buildDate, open, type Book} from './helpers/books.js'
import {epubcheckCommand, epubcheckJar} from './helpers/tools.js'
import {attribute, elements} from './helpers/xml.js'

// Code from unified's README and the Python tutorial (not ours); math as any paper writes it.
const work = `# Formulas and code

Euler's "identity" $e^{i\\pi} + 1 = 0$, with a thin space: $a\\,b$.

$$
\\int_0^1 x^2\\,dx = \\frac{1}{3}
$$

\`\`\`js
import {unified} from 'unified'
import remarkParse from 'remark-parse'
const file = await unified().use(remarkParse).process('# Hello, *Mercury*!')
\`\`\`

\`\`\`python
def fib(n):    # write Fibonacci series up to n
    """Print a Fibonacci series up to n."""
    a, b = 0, 1
    while a < n:
        print(a, end=' ')
        a, b = b, a+b
\`\`\`
`

async function book(): Promise<Book> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-math-'))
  try {
    await writeFile(join(dir, 'formulas.md'), work)
    const corpus = await loadCorpus(dir)
    return await open((await toEpub(resolveEdition(corpus, corpus.editions[0]!.id), {date: buildDate}))[0]!.data)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

test('formulas are MathML in the MathML namespace, with their TeX as annotation, and the document is flagged mathml', async () => {
  const epub = await book()
  const path = epub.spine.find((file) => file.endsWith('formulas.xhtml'))!
  const chapter = await epub.xml(path)
  const maths = elements(chapter, 'math')
  assert.equal(maths.length, 3)
  assert.deepEqual(
    maths.map((math) => attribute(math, 'xmlns')),
    Array(3).fill('http://www.w3.org/1998/Math/MathML')
  )
  assert.deepEqual(
    maths.map((math) => attribute(math, 'display')),
    ['', '', 'block']
  )
  assert.deepEqual(
    elements(chapter, 'annotation').map((a) => (a.children[0] as {value: string}).value),
    ['e^{i\\pi} + 1 = 0', 'a\\,b', '\\int_0^1 x^2\\,dx = \\frac{1}{3}']
  )
  const text = await epub.text(path)
  assert.doesNotMatch(text, /\$|samizdat-math/)
  const items = elements(epub.opf, 'item').filter((item) => attribute(item, 'properties').split(' ').includes('mathml'))
  assert.deepEqual(
    items.map((item) => epub.base + attribute(item, 'href')),
    [path]
  )
})

test('code blocks are token spans with the classes the stylesheet colours', async () => {
  const epub = await book()
  const chapter = await epub.xml(epub.spine.find((file) => file.endsWith('formulas.xhtml'))!)
  const pres = elements(chapter, 'pre')
  assert.deepEqual(
    pres.map((pre) => attribute(pre, 'class')),
    ['highlight', 'highlight']
  )
  const spans = (pre: (typeof pres)[number]) => elements(pre, 'span').map((span) => [attribute(span, 'class'), (span.children[0] as {value: string}).value])
  assert.deepEqual(spans(pres[0]!).slice(0, 3), [
    ['pl-k', 'import'],
    ['pl-smi', 'unified'],
    ['pl-k', 'from']
  ])
  assert.deepEqual(spans(pres[1]!).slice(0, 3), [
    ['pl-k', 'def'],
    ['pl-en', 'fib'],
    ['pl-smi', 'n']
  ])
  const css = await epub.text(epub.base + 'style.css')
  assert.match(css, /pre \.pl-k \{ color: #cf222e; \}/)
})

test('the book with formulas and code passes epubcheck: no error, no warning', async (t) => {
  const jar = epubcheckJar(t)
  if (!jar) return
  const epub = await book()
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-math-check-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await writeFile(join(dir, 'book.epub'), epub.bytes)
  await promisify(execFile)('java', [...epubcheckCommand(jar), join(dir, 'book.epub'), '--json', join(dir, 'report.json')]).catch((error: unknown) => error)
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {messages: Array<{ID: string; severity: string; message: string}>}
  assert.deepEqual(
    report.messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity)).map((m) => `${m.severity} ${m.ID} ${m.message}`),
    []
  )
})
