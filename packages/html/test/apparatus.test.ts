/**
 * The apparatus's node types, one handler each: exact HTML, for the web and
 * for EPUB; and the notes, as endnotes and as footnotes.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {h} from 'hastscript'
import type {PhrasingContent, Root} from 'mdast'
import {UsageError, type LinkTarget, type ResolvedNote} from '@samizdat/model'
import {renderFragment, renderNotes, serialize, stylesheet, type FragmentOptions} from '@samizdat/html'

function render(children: PhrasingContent[], options: FragmentOptions = {}): string {
  const tree: Root = {type: 'root', children: [{type: 'paragraph', children}]}
  return serialize(renderFragment(tree, options))
}

const text = (value: string): PhrasingContent => ({type: 'text', value})

test('correction: the edition’s reading, the source’s kept hidden beside it', () => {
  assert.equal(
    render([text('at the '), {type: 'correction', id: 'corr-10th', sic: '101', reason: 'OCR', children: [text('10th')]}, text(' Congress')]),
    '<p>at the <span class="corr" id="corr-10th"><ins>10th</ins>' +
      '<del class="sic" hidden><span class="sic-label">Source: </span>101</del></span> Congress</p>'
  )
})

test('correction: the edition’s mark (`correctionMarks`) is a class the stylesheet draws, not text', () => {
  const marked = (mark: 'bracket' | 'dot', epub = false) =>
    render([{type: 'correction', id: 'c', sic: '101', reason: 'OCR', mark, children: [text('10th')]}], epub ? {epub: true} : {})
  assert.equal(
    marked('bracket'),
    '<p><span class="corr corr-bracket" id="c"><ins>10th</ins><del class="sic" hidden><span class="sic-label">Source: </span>101</del></span></p>'
  )
  assert.equal(marked('dot', true), '<p><span class="corr corr-dot" id="c" title="Source: 101">10th</span></p>')
  // Generated content with an empty alternative: screen readers and copied text get the reading alone.
  assert.match(stylesheet, /\.corr-bracket > ins::before[^{]*\{ content: "⸢"; content: "⸢" \/ "";/)
  assert.match(stylesheet, /\.corr-dot > ins::after[^{]*\{ content: "·"; content: "·" \/ "";/)
})

test('correction: an omission keeps only the source’s reading; XHTML values `hidden`', () => {
  const tree: Root = {
    type: 'root',
    children: [{type: 'paragraph', children: [text('the workers'), {type: 'correction', id: 'corr-quote', sic: '"', reason: 'stray quote mark', children: []}]}]
  }
  assert.equal(
    serialize(renderFragment(tree, {labels: {sourceReads: 'Quelle:'}}), {xhtml: true}),
    '<p>the workers<span class="corr corr-omission" id="corr-quote">' +
      '<del class="sic" hidden="hidden"><span class="sic-label">Quelle: </span>"</del></span></p>'
  )
})

test('correction, for EPUB: the edition’s reading alone, the source’s as its title (reading systems may ignore `hidden`)', () => {
  const corrected: PhrasingContent = {type: 'correction', id: 'corr-10th', sic: '101', reason: 'OCR', children: [text('10th')]}
  const omitted: PhrasingContent = {type: 'correction', id: 'corr-quote', sic: '"', reason: 'stray quote mark', children: []}
  const broken: PhrasingContent = {type: 'correction', id: 'corr-see', sic: 'see\nsee', reason: 'doubled word', children: [text('see')]}
  assert.equal(
    serialize(
      renderFragment(
        {type: 'root', children: [{type: 'paragraph', children: [text('at the '), corrected, text(' Congress'), omitted, text(' '), broken]}]},
        {epub: true}
      ),
      {xhtml: true}
    ),
    '<p>at the <span class="corr" id="corr-10th" title="Source: 101">10th</span> Congress' +
      '<span class="corr corr-omission" id="corr-quote" title="Source: &#x22;"></span> ' +
      '<span class="corr" id="corr-see" title="Source: see see">see</span></p>'
  )
})

test('noteReference: a numbered link to the note, named for screen readers; epub:type for EPUB', () => {
  const mark: PhrasingContent = {type: 'noteReference', id: 'ref-note-nep', noteId: 'note-nep', label: '3'}
  assert.equal(
    render([text('NEP'), mark]),
    '<p>NEP<a href="#note-nep" id="ref-note-nep" class="noteref" role="doc-noteref" aria-label="Note 3"><sup>3</sup></a></p>'
  )
  assert.equal(
    serialize(renderFragment({type: 'root', children: [{type: 'paragraph', children: [mark]}]}, {epub: true}), {xhtml: true}),
    '<p><a href="#note-nep" id="ref-note-nep" class="noteref" role="doc-noteref" aria-label="Note 3" epub:type="noteref"><sup>3</sup></a></p>'
  )
})

test('annotated: a person’s mention names the person by class, and by data-person on the web only', () => {
  const mention: PhrasingContent = {type: 'annotated', id: 'person-shliapnikov-2', kind: 'person', person: 'shliapnikov', children: [text('Shlyapnikov')]}
  assert.equal(render([mention]), '<p><span id="person-shliapnikov-2" class="person person-shliapnikov" data-person="shliapnikov">Shlyapnikov</span></p>')
  assert.equal(render([mention], {epub: true}), '<p><span id="person-shliapnikov-2" class="person person-shliapnikov">Shlyapnikov</span></p>')
})

test('annotated: a cross-reference holds the model’s link; its target, an event: spans with ids', () => {
  const hrefFor = (target: LinkTarget) => target.work + '.xhtml#' + target.id
  assert.equal(
    render(
      [
        {
          type: 'annotated',
          id: 'xref-1',
          kind: 'crossref',
          children: [{type: 'link', url: '#xref-1-target', data: {target: {work: 'pamphlet', id: 'xref-1-target'}}, children: [text('who shall build')]}]
        },
        text(' '),
        {type: 'annotated', id: 'xref-1-target', kind: 'crossref-target', children: [text('the passage')]},
        text(' '),
        {type: 'annotated', id: 'event-1921-03', kind: 'event', children: [text('Tenth Congress')]}
      ],
      {hrefFor}
    ),
    '<p><span id="xref-1" class="crossref"><a href="pamphlet.xhtml#xref-1-target">who shall build</a></span> ' +
      '<span id="xref-1-target" class="crossref-target">the passage</span> ' +
      '<span id="event-1921-03" class="event">Tenth Congress</span></p>'
  )
})

test('annotated: a passage in another language carries its lang; in XHTML, xml:lang beside it, the same', () => {
  const passage: PhrasingContent = {type: 'annotated', id: 'faq-lang-komitetchina', kind: 'language', lang: 'ru-Latn', children: [text('komitetchina')]}
  const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [text('enemies of '), {type: 'strong', children: [passage]}]}]}
  assert.equal(serialize(renderFragment(tree)), '<p>enemies of <strong><span lang="ru-Latn" id="faq-lang-komitetchina">komitetchina</span></strong></p>')
  assert.equal(
    serialize(renderFragment(tree, {epub: true}), {xhtml: true}),
    '<p>enemies of <strong><span lang="ru-Latn" xml:lang="ru-Latn" id="faq-lang-komitetchina">komitetchina</span></strong></p>'
  )
  // Nested in a correction's passage, the correction inside the language.
  assert.equal(
    render(
      [
        {
          type: 'annotated',
          id: 'sol-lang-is',
          kind: 'language',
          lang: 'fr',
          children: [{type: 'correction', id: 'sol-corr-is', sic: 'Internationals', reason: 'OCR', children: [text('Internationale')]}, text(' Situationniste')]
        }
      ],
      {epub: true}
    ),
    '<p><span lang="fr" id="sol-lang-is"><span class="corr" id="sol-corr-is" title="Source: Internationals">Internationale</span> Situationniste</span></p>'
  )
})

test('serialize, XHTML: every lang gets an xml:lang of the same value, one already there gives way', () => {
  const tree: Root = {type: 'root', children: [{type: 'html', value: '<p lang="la">pascua <span lang="de" xml:lang="fr">Weide</span></p>'}]}
  assert.equal(serialize(renderFragment(tree)), '<p lang="la">pascua <span lang="de">Weide</span></p>')
  assert.equal(serialize(renderFragment(tree), {xhtml: true}), '<p lang="la" xml:lang="la">pascua <span lang="de" xml:lang="de">Weide</span></p>')
  // A template's own xml:lang (the sanitiser drops a source's) follows its lang.
  assert.equal(serialize(h('a', {xmlLang: 'fr', href: '#x', lang: 'de'}, 'Antwort'), {xhtml: true}), '<a href="#x" lang="de" xml:lang="de">Antwort</a>')
})

test('citation: a link to its bibliography entry through hrefFor, keeping its own id for the way back', () => {
  const asked: LinkTarget[] = []
  const hrefFor = (target: LinkTarget) => {
    asked.push(target)
    return 'bibliography.html#' + target.id
  }
  const citation: PhrasingContent = {
    type: 'citation',
    id: 'cite-4',
    itemIds: ['brinton-control'],
    children: [{type: 'strong', children: [text('The Bolsheviks and Workers’ Control')]}, text(', p. 39')]
  }
  assert.equal(
    render([text('['), citation, text(']')], {hrefFor}),
    '<p>[<a href="bibliography.html#bib-brinton-control" id="cite-4" class="citation" role="doc-biblioref">' +
      '<strong>The Bolsheviks and Workers’ Control</strong>, p. 39</a>]</p>'
  )
  assert.deepEqual(asked, [{work: 'back-matter', id: 'bib-brinton-control'}])
  // Without hrefFor, a fragment link, as for any internal link.
  assert.match(render([citation]), /^<p><a href="#bib-brinton-control" id="cite-4"/)
})

test('citation: unresolved, or holding a link, it stays a span with its id', () => {
  assert.equal(
    render([{type: 'citation', id: 'cite-9', itemIds: [], children: [text('Op. Cit.')]}]),
    '<p><span class="citation" id="cite-9">Op. Cit.</span></p>'
  )
  assert.equal(
    render([
      {
        type: 'citation',
        id: 'cite-10',
        itemIds: ['x'],
        children: [{type: 'link', url: 'https://example.org/', data: {external: true}, children: [text('online')]}]
      }
    ]),
    '<p><span class="citation" id="cite-10"><a href="https://example.org/" rel="external">online</a></span></p>'
  )
})

test('sanitising: markup in a source cannot borrow the apparatus’s roles or arbitrary classes', () => {
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'html',
        value:
          '<p><a href="#x" role="button" class="noteref evil" epub:type="glossref">x</a> <span class="corr person-ok Bad" data-person="a b" style="x">y</span> <del hidden class="sic other">z</del></p>'
      }
    ]
  }
  assert.equal(
    serialize(renderFragment(tree)),
    '<p><a href="#x" class="noteref">x</a> <span class="corr person-ok">y</span> <del hidden class="sic">z</del></p>'
  )
})

const notes: ResolvedNote[] = [
  {
    id: 'note-nep',
    refId: 'ref-note-nep',
    number: 1,
    kind: 'note',
    children: [
      {
        type: 'paragraph',
        children: [
          text('The New Economic Policy, from '),
          {type: 'link', url: '#tenth', data: {target: {work: 'w', id: 'tenth'}}, children: [text('1921')]},
          text('.')
        ]
      }
    ]
  },
  {
    id: 'conflict-date',
    refId: 'ref-conflict-date',
    number: 2,
    kind: 'conflict',
    children: [
      {type: 'paragraph', children: [text('The sources disagree:')]},
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [{type: 'listItem', spread: false, children: [{type: 'paragraph', children: [text('1921 (A)')]}]}]
      }
    ]
  }
]

test('renderNotes: endnotes, each with the note’s id, its number, and a labelled way back', () => {
  const html = serialize(renderNotes(notes, {hrefFor: (t) => t.work + '.html#' + t.id}))
  assert.equal(
    html,
    '<section class="notes" role="doc-endnotes" aria-labelledby="notes"><h2 id="notes">Notes</h2><ol>' +
      '<li id="note-nep" class="note note-note" value="1"><p>The New Economic Policy, from <a href="w.html#tenth">1921</a>. ' +
      '<a href="#ref-note-nep" class="backlink" role="doc-backlink" aria-label="Back to the text at note 1">↩</a></p></li>' +
      '<li id="conflict-date" class="note note-conflict" value="2"><p class="note-label">Conflict of sources</p><p>The sources disagree:</p>' +
      '<ul>\n<li>1921 (A)</li>\n</ul><p><a href="#ref-conflict-date" class="backlink" role="doc-backlink" aria-label="Back to the text at note 2">↩</a></p></li>' +
      '</ol></section>'
  )
})

test('renderNotes: EPUB footnotes, one aside each, the number linking back', () => {
  const xhtml = serialize(renderNotes(notes, {epub: true}, {style: 'footnotes'}), {xhtml: true})
  assert.equal(
    xhtml,
    '<aside id="note-nep" class="note note-note" epub:type="footnote" role="doc-footnote"><p><span class="note-number">' +
      '<a href="#ref-note-nep" class="backlink" role="doc-backlink" aria-label="Back to the text at note 1">1</a>. </span>' +
      'The New Economic Policy, from <a href="#tenth">1921</a>.</p></aside>' +
      '<aside id="conflict-date" class="note note-conflict" epub:type="footnote" role="doc-footnote"><p class="note-label"><span class="note-number">' +
      '<a href="#ref-conflict-date" class="backlink" role="doc-backlink" aria-label="Back to the text at note 2">2</a>. </span>' +
      'Conflict of sources</p><p>The sources disagree:</p><ul>\n<li>1921 (A)</li>\n</ul></aside>'
  )
})

test('renderNotes: nothing for no notes; a bad style or rank is a usage error', () => {
  assert.deepEqual(renderNotes([]), {type: 'root', children: []})
  assert.throws(
    () => renderNotes(notes, {}, {style: 'sidenotes' as never}),
    (error: unknown) => error instanceof UsageError && /`sidenotes`/.test(error.message)
  )
  assert.throws(() => renderNotes(notes, {}, {headingRank: 7}), UsageError)
  assert.match(serialize(renderNotes(notes, {}, {headingRank: 3})), /<h3 id="notes">Notes<\/h3>/)
})
