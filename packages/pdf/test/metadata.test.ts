/**
 * Metadata stays well-formed whatever the edition's text holds: the XMP
 * packet parses as XML (it is serialised from a tree, with what XML 1.0
 * cannot carry dropped), and titles in the info dictionary and the outline
 * are valid PDF strings that read back as written.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import type {Element, Nodes} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {toPdf} from '@samizdat/pdf'
import {hasTool, outputDir, pdfObjects, run} from './helpers.js'
import {memoryEdition, paragraph} from './memory.js'

/** Markup, CDATA ends, comment dashes, quotes, astral and bidirectional text, and characters XML forbids. */
const nasty = 'A ]]> B <i>c</i> & d "e" \'f\' -- g <!-- h --> 𝔄😀 \u202Eevil\u202C שלום \u0007\u000C\uFFFE end'
/** What XML can carry of it. */
const carried = nasty.replace(/[\u0007\u000C\uFFFE]/g, '')

function text(node: Nodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => text(child)).join('') : ''
}

function find(node: Nodes, name: string): Element | undefined {
  if (node.type === 'element' && node.name === name) return node
  if (!('children' in node)) return undefined
  for (const child of node.children) {
    const found = find(child, name)
    if (found) return found
  }
  return undefined
}

test('XMP parses as XML and carries titles, names and rights as written; info and outline titles are valid strings', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdfinfo')) return
  const edition = memoryEdition(
    [paragraph('Text.')],
    {
      title: nasty,
      subtitle: 'sub ]]>',
      creators: [{name: `Editor ${nasty}`, role: 'edt'}],
      publisher: 'P & <Q>',
      rights: `Rights ${nasty}`,
      description: `Described ${nasty}`,
      subjects: ['s1 ]]>', 's2 <x/>']
    },
    {title: `Work ${nasty}`}
  )
  mkdirSync(outputDir, {recursive: true})
  const pdf = join(outputDir, 'metadata-hostile.pdf')
  writeFileSync(pdf, (await toPdf(edition, {date: new Date(0)}))[0]!.data)

  const check = run('qpdf', ['--check', pdf])
  assert.match(check, /No syntax or stream encoding errors found/)
  assert.doesNotMatch(check, /WARNING/)

  const xmp = fromXml(run('pdfinfo', ['-meta', pdf]).trim())
  const value = (name: string): string => text(find(xmp, name) as Element)
  assert.equal(value('dc:title'), `${carried}: sub ]]>`)
  assert.equal(value('dc:creator'), `Editor ${carried}`)
  assert.equal(value('dc:rights'), `Rights ${carried}`)
  assert.equal(value('dc:description'), `Described ${carried}`)
  assert.equal(value('dc:publisher'), 'P & <Q>')
  assert.equal(value('dc:subject'), 's1 ]]>s2 <x/>')

  const all = pdfObjects(pdf)
  const objects = Object.values(all) as Array<Record<string, unknown> | null>
  // A string may be an indirect object (pdfkit writes the info dictionary's so).
  const resolve = (value: unknown): string => String(typeof value === 'string' && / R$/.test(value) ? all[value] : value).replace(/^u:/, '')
  const strings = (key: string): string[] =>
    objects.flatMap((object) => (object !== null && typeof object === 'object' && key in object ? [resolve(object[key])] : []))
  assert.ok(strings('/Title').includes(`${nasty}: sub ]]>`), 'info dictionary title, whole')
  assert.ok(strings('/Title').includes(`Work ${nasty}`), 'outline entry, whole')
})
