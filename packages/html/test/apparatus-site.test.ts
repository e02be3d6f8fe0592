/**
 * The apparatus across a whole site, on the fixture and on the real reader
 * edition: every note mark and its note point at each other, every citation
 * reaches its bibliography entry, every correction shows the edition's
 * reading and keeps the source's, every mention and legacy address lands.
 */
import assert from 'node:assert/strict'
import {before, describe, test} from 'node:test'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {Correction, ResolvedEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {realEdition, realEditionMissing} from './helpers/corpus.js'
import {fixtureEdition} from './helpers/edition.js'
import {siteOf, type Site} from './helpers/site.js'

/** Text as hast-util-to-html escapes it in element content. */
function escape(value: string): string {
  return value.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;')
}

function pages(site: Site): Map<string, string> {
  return new Map(site.files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.contents]))
}

/** The opening tags of the elements that have all these attributes (in any order). */
function tags(html: string, ...needles: string[]): string[] {
  return [...html.matchAll(/<[a-z]+(?:\s[^>]*)?>/g)].map((m) => m[0]).filter((tag) => needles.every((needle) => tag.includes(needle)))
}

type Least = {notes: number; citations: number; corrections: number; footnotes: number; languages: number}
const editions: Array<{name: string; load: () => Promise<ResolvedEdition>; skip: string | undefined; least: Least}> = [
  {name: 'fixture', load: fixtureEdition, skip: undefined, least: {notes: 2, citations: 3, corrections: 2, footnotes: 1, languages: 1}},
  // The reader edition's texts have no GFM footnotes.
  {
    name: 'reader edition workers-opposition',
    load: realEdition,
    skip: realEditionMissing(),
    least: {notes: 4, citations: 80, corrections: 120, footnotes: 0, languages: 5}
  }
]

for (const {name, load, skip, least} of editions) {
  describe(name, {skip}, () => {
    let edition: ResolvedEdition
    let site: Map<string, string>
    before(async () => {
      edition = await load()
      site = pages(await siteOf(toHtml(edition)))
    })

    test('every note mark leads to its note, and every note back to its mark', () => {
      let checked = 0
      for (const work of edition.works) {
        const html = site.get(work.id + '.html') ?? ''
        const marks = tags(html, 'role="doc-noteref"')
        assert.equal(marks.length, work.notes.length, `${work.id}: ${marks.length} marks for ${work.notes.length} notes`)
        for (const note of work.notes) {
          checked++
          assert.equal(tags(html, `href="#${note.id}"`, `id="${note.refId}"`, 'class="noteref"').length, 1, `${work.id}: mark of ${note.id}`)
          // Beside the text (sidenotes.ts), named and numbered.
          assert.equal(
            tags(html, '<aside', `id="${note.id}"`, 'role="doc-footnote"', `aria-label="Note ${note.number}"`).length,
            1,
            `${work.id}: note ${note.id}`
          )
          assert.equal(
            tags(html, `href="#${note.refId}"`, 'role="doc-backlink"', `aria-label="Back to the text at note ${note.number}"`).length,
            1,
            `${work.id}: back-link of ${note.id}`
          )
          if (note.kind === 'conflict') assert.ok(tags(html, `id="${note.id}"`, 'note-conflict').length === 1, `${note.id} is marked as a conflict`)
        }
      }
      assert.ok(checked >= least.notes, `only ${checked} notes`)
    })

    test('GFM footnotes are notes like the others: numbered with them, beside the text, no footnotes section of their own', () => {
      let footnotes = 0
      for (const work of edition.works) {
        const html = site.get(work.id + '.html') ?? ''
        assert.doesNotMatch(html, /data-footnote|footnote-label|class="footnotes"/, work.id)
        for (const note of work.notes.filter((n) => n.kind === 'footnote')) {
          footnotes++
          assert.equal(tags(html, '<aside', `id="${note.id}"`, 'class="note note-footnote sidenote"', `aria-label="Note ${note.number}"`).length, 1, note.id)
        }
      }
      assert.ok(footnotes >= least.footnotes, `only ${footnotes} footnotes`)
    })

    test('every passage in another language is marked with its language', () => {
      let checked = 0
      for (const annotation of edition.apparatus.annotations.filter((a) => a.kind === 'language')) {
        checked++
        const html = site.get(edition.works.find((w) => w.meta.id === annotation.work)?.id + '.html') ?? ''
        assert.equal(tags(html, `<span lang="${annotation.lang}" id="${annotation.anchorId}">`).length, 1, annotation.id)
      }
      assert.ok(checked >= least.languages, `only ${checked} passages`)
    })

    test('every resolved citation links to its entry in the bibliography, which links back', () => {
      const bibliography = site.get('bibliography.html') ?? ''
      let checked = 0
      for (const citation of edition.apparatus.citations) {
        const itemId = citation.parts.find((part) => part.itemId)?.itemId
        const html = site.get(edition.works.find((w) => w.meta.id === citation.work)?.id + '.html') ?? ''
        if (itemId === undefined) {
          assert.equal(tags(html, '<span', `id="${citation.id}"`, 'class="citation"').length, 1, citation.id)
          continue
        }
        checked++
        assert.equal(tags(html, '<a', `href="bibliography.html#bib-${itemId}"`, `id="${citation.id}"`, 'role="doc-biblioref"').length, 1, citation.id)
        assert.equal(tags(bibliography, '<li', `id="bib-${itemId}"`).length, 1, `entry bib-${itemId}`)
        assert.equal(tags(bibliography, `href="${citation.work}.html#${citation.id}"`).length, 1, `back-link to ${citation.id}`)
      }
      assert.ok(checked >= least.citations, `only ${checked} citations`)
    })

    test('every correction reads as corrected and keeps the source’s reading, hidden until asked for', () => {
      let checked = 0
      for (const work of edition.works) {
        const html = site.get(work.id + '.html') ?? ''
        let corrections = 0
        visit(work.tree as Root, 'correction', (node: Correction) => {
          corrections++
          checked++
          const shown = toString(node)
          const expected =
            `<span class="corr${shown ? '' : ' corr-omission'}${node.mark ? ` corr-${node.mark}` : ''}" id="${node.id}">` +
            (shown ? `<ins>${escape(shown)}</ins>` : '') +
            `<del class="sic" hidden><span class="sic-label">Source: </span>${escape(node.sic)}</del></span>`
          assert.ok(html.includes(expected), `${work.id}: ${expected}`)
          // The edition's mark (a dot unless the edition says otherwise), which the stylesheet draws.
          assert.equal(node.mark, 'dot', node.id)
        })
        // The page's switch is there exactly when there is something to show.
        assert.equal(html.includes('<input type="checkbox" id="sic.switch" class="sic-switch">'), corrections > 0, work.id)
      }
      assert.ok(checked >= least.corrections, `only ${checked} corrections`)
      const list = site.get('corrections.html') ?? ''
      for (const annotation of edition.apparatus.annotations.filter((a) => a.kind === 'correction')) {
        assert.ok(list.includes(`#${annotation.anchorId}"`), `corrections.html lists ${annotation.id}`)
      }
    })

    test('a note given at an earlier place is a link there, to an id its page has; no page words on the web', () => {
      const pageOf = new Map(edition.works.map((w) => [w.meta.id, w.id]))
      let checked = 0
      for (const work of edition.works) {
        const html = site.get(work.id + '.html') ?? ''
        for (const note of work.notes) {
          visit({type: 'root', children: note.children} as Root, 'link', (link) => {
            const target = link.data?.target
            if (!target || link.data?.only === 'paged') return
            checked++
            const page = pageOf.get(target.work) ?? ''
            assert.ok((site.get(page + '.html') ?? '').includes(` id="${target.id}"`), `${note.id}: ${target.id} is on ${page}.html`)
            const href = target.work === work.meta.id ? `#${target.id}` : `${page}.html#${target.id}`
            assert.equal(tags(html, `href="${href}"`).length >= 1, true, `${work.id}: a link to ${href}`)
          })
          const item = html.slice(html.indexOf(`id="${note.id}"`), html.indexOf('</li>', html.indexOf(`id="${note.id}"`)))
          assert.doesNotMatch(item, /, p\. /, note.id)
        }
      }
      if (name !== 'fixture') assert.ok(checked >= 10, `only ${checked} references to shared notes`)
    })

    test('the index, the timeline, the bibliography and the corrections are hanging lists, without bullets', () => {
      const lists = edition.backMatter.filter((section) => section.kind !== 'preface')
      assert.ok(lists.length >= 3, lists.map((section) => section.kind).join())
      for (const section of lists) {
        const html = site.get(section.id + '.html') ?? ''
        assert.ok(tags(html, '<ul').length > 0, section.id)
        assert.equal(tags(html, '<ul').length, tags(html, '<ul', 'class="hanging"').length, section.id)
      }
    })

    test('every mention of a person and every event the timeline names has its element', () => {
      const byWork = new Map(edition.works.map((w) => [w.meta.id, site.get(w.id + '.html') ?? '']))
      let checked = 0
      for (const person of edition.apparatus.persons) {
        for (const mention of person.mentions) {
          checked++
          assert.equal(tags(byWork.get(mention.work) ?? '', `id="${mention.id}"`, `person-${person.id}`).length, 1, mention.id)
        }
      }
      for (const event of edition.apparatus.timeline) {
        for (const anchor of event.anchors) assert.equal(tags(byWork.get(anchor.work) ?? '', `id="${anchor.id}"`).length, 1, anchor.id)
      }
      assert.ok(checked > 0)
    })

    test('back matter: a page per section, every id in it on that page', () => {
      for (const section of edition.backMatter) {
        const html = site.get(section.id + '.html')
        assert.ok(html, section.id)
        const role = {preface: 'doc-preface', corrections: 'doc-appendix', bibliography: 'doc-bibliography', index: 'doc-index', timeline: 'doc-appendix'}[
          section.kind
        ]
        assert.match(
          html,
          new RegExp(`<section class="back-matter" role="${role}" aria-labelledby="${section.id}"><header class="work-header"><h1 id="${section.id}">`)
        )
        visit(section.tree, (node) => {
          if (node.data?.id) assert.ok(html.includes(` id="${node.data.id}"`), `${section.id}: #${node.data.id}`)
        })
      }
    })

    test('legacy addresses land on the heading they name', () => {
      for (const work of edition.works) {
        const html = site.get(work.id + '.html') ?? ''
        for (const legacy of Object.keys(work.meta.anchors)) {
          assert.match(html, new RegExp(`<h[2-6] id="[^"]+"><span id="${legacy}"></span>`), `${work.id}#${legacy}`)
        }
      }
    })
  })
}
