/**
 * Math and code in the model: `$…$` and `$$…$$` are formulas (their TeX kept
 * as written, `\,` included, and out of reach of the house typography); a
 * formula that does not parse is a positioned warning; fenced code with a
 * known language is highlighted once into token runs, unknown ones stay plain.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Code, Nodes} from 'mdast'
import {codeRuns, isInvalidMath, loadCorpus, maxFormulaLength, resolveEdition, type MathNode} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

// Code from the Python tutorial (not ours); math as any paper writes it.
const work = `# Formulas

Euler's "identity" $e^{i\\pi} + 1 = 0$ -- with a thin space: $a\\,b$ and "quotes" $'x' -- y$.

$$
\\int_0^1 x^2\\,dx = \\frac{1}{3}
$$

Broken: $\\frac{a$.

\`\`\`python
def fib(n):    # write Fibonacci series up to n
    """Print a Fibonacci series up to n."""
\`\`\`

\`\`\`no-such-language
plain "text"
\`\`\`
`

function all(node: Nodes, type: string): Nodes[] {
  const found = node.type === type ? [node] : []
  return 'children' in node ? [...found, ...node.children.flatMap((child) => all(child as Nodes, type))] : found
}

async function load() {
  const {dir, cleanup} = await scratch('math')
  try {
    await writeTree(dir, {'formulas.md': work})
    const corpus = await loadCorpus(dir, {cwd: dir})
    return {corpus, edition: resolveEdition(corpus, corpus.editions[0]!.id)}
  } finally {
    await cleanup()
  }
}

test('formulas keep their TeX as written, untouched by typography, while the prose around them is typeset', async () => {
  const {edition} = await load()
  const tree = edition.works[0]!.tree
  const maths = [...all(tree, 'inlineMath'), ...all(tree, 'math')] as MathNode[]
  assert.deepEqual(
    maths.map((node) => [node.type, node.value]),
    [
      ['inlineMath', 'e^{i\\pi} + 1 = 0'],
      ['inlineMath', 'a\\,b'],
      ['inlineMath', "'x' -- y"],
      ['inlineMath', '\\frac{a'],
      ['math', '\\int_0^1 x^2\\,dx = \\frac{1}{3}']
    ]
  )
  const text = all(tree, 'text')
    .map((node) => (node as {value: string}).value)
    .join('|')
  assert.equal(text.replaceAll('\u00A0', ' '), 'Euler’s “identity” | — with a thin space: | and “quotes” |.|Broken: |.')
})

test('a formula that does not parse is a warning at its place, and is marked to be shown as code', async () => {
  const {corpus, edition} = await load()
  assert.deepEqual(messages(corpus.files), [
    "formulas.md:9:9: Cannot typeset the formula `\\frac{a`: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a; its TeX source is shown as code [math-invalid]"
  ])
  const maths = all(edition.works[0]!.tree, 'inlineMath') as MathNode[]
  assert.deepEqual(maths.map(isInvalidMath), [false, false, false, true])
})

test('fenced code with a known language is highlighted into token runs; an unknown language stays plain', async () => {
  const {edition} = await load()
  const [python, unknown] = all(edition.works[0]!.tree, 'code') as Code[]
  const runs = codeRuns(python!)
  assert.equal(runs.map((run) => run.text).join(''), python!.value)
  assert.deepEqual(runs.slice(0, 3), [{text: 'def', className: 'pl-k'}, {text: ' '}, {text: 'fib', className: 'pl-en'}])
  assert.ok(runs.some((run) => run.className === 'pl-c' && run.text === '# write Fibonacci series up to n'))
  assert.deepEqual(codeRuns(unknown!), [{text: 'plain "text"'}])
})

test('a formula longer than the limit is not typeset: a warning at its place, shown as code', async () => {
  const {dir, cleanup} = await scratch('math-long')
  try {
    const long = 'x+'.repeat(maxFormulaLength / 2) + 'y'
    await writeTree(dir, {'long.md': `# Long\n\nA sum: $${long}$ and a short one: $x+y$.\n`})
    const corpus = await loadCorpus(dir, {cwd: dir})
    assert.deepEqual(messages(corpus.files), [
      `long.md:3:8: Cannot typeset the formula \`${long.slice(0, 60)}\`: it is longer than ${maxFormulaLength} characters; its TeX source is shown as code [math-too-long]`
    ])
    const maths = all(resolveEdition(corpus, corpus.editions[0]!.id).works[0]!.tree, 'inlineMath') as MathNode[]
    assert.deepEqual(maths.map(isInvalidMath), [true, false])
  } finally {
    await cleanup()
  }
})
