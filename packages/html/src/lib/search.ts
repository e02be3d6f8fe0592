/**
 * Full-text search that runs in the reader's browser, with nothing on a
 * server: at build time MiniSearch indexes every page of the site by section
 * (a heading and the text under it, notes included), and the site ships the
 * index as a script (`search-index.js`), MiniSearch's own browser build
 * (`minisearch.js`, MIT) and a small script for the search page
 * (`search.js`). Scripts, not `fetch`: so the search works from `file://`
 * too. Without scripts the search page says it needs them.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import MiniSearch from 'minisearch'
import type {Words} from './labels.js'

const require = createRequire(import.meta.url)

export const searchPage = 'search.html'

/** One page of the site as indexed: where it is, its title, and its main content. */
export interface IndexedPage {
  href: string
  title: string
  main: readonly ElementContent[]
}

interface Passage {
  id: number
  href: string
  /** The section's heading; the page's title for what precedes the first heading. */
  title: string
  page: string
  text: string
}

/** The same options at build time and in the browser (`MiniSearch.loadJS` must be given them again). */
const options = {fields: ['title', 'text'], storeFields: ['href', 'title', 'page']}

/** The site's `search-index.js`: the MiniSearch index of every page's passages, as a global the page script reads. */
export function searchIndexScript(pages: readonly IndexedPage[]): string {
  const passages: Passage[] = []
  for (const page of pages) passages.push(...passagesOf(page, passages.length))
  const index = new MiniSearch<Passage>(options)
  index.addAll(passages.filter((passage) => passage.text.trim() !== ''))
  return `window.samizdatSearch = ${JSON.stringify({options, index})};\n`
}

/** The page split at its headings (with an id, so a result can link there); navigation and hidden text left out. */
function passagesOf(page: IndexedPage, first: number): Passage[] {
  const passages: Passage[] = []
  let current: Passage = {id: first, href: page.href, title: page.title, page: page.title, text: ''}
  const walk = (nodes: readonly ElementContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') current.text += node.value
      if (node.type !== 'element' || skipped(node)) continue
      const id = node.properties['id']
      if (/^h[1-4]$/.test(node.tagName) && typeof id === 'string') {
        passages.push(current)
        current = {id: first + passages.length, href: page.href + '#' + id, title: textOf(node), page: page.title, text: ''}
        continue
      }
      walk(node.children)
      if (!/^(?:a|abbr|b|cite|code|em|i|ins|q|small|span|strong|sub|sup|time)$/.test(node.tagName)) current.text += ' '
    }
  }
  walk(page.main)
  passages.push(current)
  return passages.map((passage) => ({...passage, text: passage.text.replace(/\s+/g, ' ').trim()}))
}

function skipped(element: Element): boolean {
  const className = element.properties['className']
  const classes = Array.isArray(className) ? className.map(String) : []
  // Note marks are numbers, not words; the notes themselves are indexed where they stand.
  return (
    element.tagName === 'nav' ||
    element.properties['hidden'] !== undefined ||
    classes.includes('anchor') ||
    classes.includes('toc') ||
    classes.includes('downloads') ||
    classes.includes('noteref')
  )
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' && !skipped(node) ? node.children.map(textOf).join('') : ''
}

/** MiniSearch's browser build (UMD, global `MiniSearch`), with its licence before it. */
export function miniSearchScript(): string {
  // The package exports only its entry points (dist/cjs/index.cjs): its root is two folders up.
  const root = join(dirname(require.resolve('minisearch')), '..', '..')
  const licence = readFileSync(join(root, 'LICENSE.txt'), 'utf8').trim()
  return `/*! MiniSearch, https://github.com/lucaong/minisearch\n${licence}\n*/\n${readFileSync(join(root, 'dist', 'umd', 'index.js'), 'utf8')}`
}

/** The search page's content: a search form (a landmark), the count of results said politely, and the results. */
export function renderSearch(labels: Words): ElementContent[] {
  return [
    h('h1', {id: 'search'}, labels.search),
    h('form', {role: 'search', className: ['search-form'], action: searchPage, method: 'get'}, [
      h('label', {htmlFor: 'search.q'}, labels.searchField),
      ' ',
      h('input', {type: 'search', id: 'search.q', name: 'q', autoComplete: 'off', spellCheck: false}),
      ' ',
      h('button', {type: 'submit'}, labels.search)
    ]),
    h('noscript', [h('p', labels.searchNoScript)]),
    h('p', {className: ['search-status'], role: 'status', dataFound: labels.searchFound, dataNone: labels.searchNone}),
    h('ol', {className: ['search-results']})
  ]
}

/** The site's `search.js`: reads the query (`?q=`), searches as the reader types, lists the passages found. */
export const searchScript = `// Samizdat: the search page (see search-index.js and minisearch.js).
(function () {
  'use strict'
  var data = window.samizdatSearch
  var form = document.querySelector('.search-form')
  if (!data || !form || !window.MiniSearch) return
  var index = window.MiniSearch.loadJS(data.index, data.options)
  var input = form.querySelector('input')
  var status = document.querySelector('.search-status')
  var list = document.querySelector('.search-results')
  function show(query) {
    list.textContent = ''
    if (!query.trim()) { status.textContent = ''; return }
    var found = index.search(query, {prefix: true, fuzzy: 0.2, boost: {title: 2}, combineWith: 'AND'})
    status.textContent = found.length ? status.getAttribute('data-found').replace('{count}', String(found.length)) : status.getAttribute('data-none')
    found.slice(0, 100).forEach(function (result) {
      var item = document.createElement('li')
      var link = document.createElement('a')
      link.href = result.href
      link.textContent = result.title
      item.appendChild(link)
      if (result.page !== result.title) {
        var page = document.createElement('span')
        page.className = 'search-page'
        page.textContent = ' – ' + result.page
        item.appendChild(page)
      }
      list.appendChild(item)
    })
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value))
    show(input.value)
  })
  input.addEventListener('input', function () { show(input.value) })
  var query = new URLSearchParams(location.search).get('q')
  if (query) { input.value = query; show(query) }
})()
`
