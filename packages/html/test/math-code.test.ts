/// <reference lib="dom" />
/**
 * Math and code on the site: formulas are MathML (`<math>`, the TeX kept as
 * annotation), an invalid one is its source as code; fenced code is token
 * spans that a stylesheet colours, no script. The page is valid HTML, and
 * axe finds no contrast problem in the code, light or dark.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {siteOf, type Site as HtmlSite} from './helpers/site.js'
import {axeSource, findChromium, launch, serve} from './helpers/browser.js'
import {validate} from './helpers/validate.js'
import {mathCodeWork as work} from '../../model/test/helpers/math-code.js'

async function site(): Promise<HtmlSite> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-html-math-'))
  try {
    await writeFile(join(dir, 'formulas.md'), work)
    const corpus = await loadCorpus(dir)
    return await siteOf(toHtml(resolveEdition(corpus, corpus.editions[0]!.id)))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

const page = (s: HtmlSite) => s.files.find((file) => file.path === 'formulas.html')!.contents

test('formulas are MathML with their TeX as annotation; an invalid one is its source as code', async () => {
  const html = page(await site())
  assert.equal(html.match(/<math[ >]/g)?.length, 3)
  assert.equal(html.match(/<math display="block">/g)?.length, 1)
  assert.match(html, /<mi>e<\/mi><mrow><mi>i<\/mi><mi>π<\/mi><\/mrow><\/msup>/)
  assert.match(html, /<mspace width="0.1667em"><\/mspace>/)
  assert.match(html, /<annotation encoding="application\/x-tex">a\\,b<\/annotation>/)
  assert.match(html, /<code class="language-math">\\frac\{a<\/code>/)
  assert.doesNotMatch(html, /\$/)
})

test('code is token spans with classes, coloured by the stylesheet; no script', async () => {
  const s = await site()
  const html = page(s)
  assert.match(html, /<pre class="highlight"><code class="language-js"><span class="pl-k">import<\/span> {<span class="pl-smi">unified<\/span>}/)
  assert.match(html, /<code class="language-python"><span class="pl-k">def<\/span> <span class="pl-en">fib<\/span>/)
  assert.match(html, /<span class="pl-c"># write Fibonacci series up to n<\/span>/)
  // The page's one script is the site's own (sidenotes.js, in the head); the code brings none.
  assert.deepEqual(html.match(/<script[^>]*>/g), ['<script src="sidenotes.js" defer>'])
  const css = s.files.find((file) => file.path === 'style.css')!.contents
  assert.match(css, /pre \.pl-k \{ color: #cf222e; \}/)
})

test('the page is valid HTML', async () => {
  assert.deepEqual(await validate('formulas.html', page(await site())), [])
})

test("axe: the code's colours have enough contrast, light and dark", async (t) => {
  const executable = findChromium()
  if (executable === undefined) {
    if (process.env['CI'] === 'true') assert.fail('Chromium not found')
    t.skip('Chromium not found')
    return
  }
  const browser = await launch(executable)
  const server = await serve(await site())
  t.after(async () => {
    await server.close()
    await browser.close()
  })
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({colorScheme})
    const tab = await context.newPage()
    await tab.goto(server.url + 'formulas.html')
    await tab.addScriptTag({content: axeSource})
    const violations = await tab.evaluate(async () => {
      const axe = (globalThis as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<{violations: Array<{id: string; nodes: unknown[]}>}>}})
        .axe
      return (await axe.run(document, {runOnly: ['color-contrast']})).violations.map((v) => `${v.id} (${v.nodes.length})`)
    })
    await context.close()
    assert.deepEqual(violations, [], colorScheme)
  }
})
