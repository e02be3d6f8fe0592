/** The index page's main content: title page, contents, preface. */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Reporter, ResolvedEdition} from '@samizdat/model'
import {headingOffsetUnder} from './body.js'
import {creatorsByRole, listNames} from '@samizdat/model'

import {renderFragment} from './fragment.js'
import {renderNotes} from './notes.js'
import {withSidenotes} from './sidenotes.js'
import {renderToc} from './toc.js'
import type {Words} from './labels.js'
import type {HrefFor, HtmlOptions} from './types.js'

export type Downloads = NonNullable<HtmlOptions['downloads']>

export function renderTitlePage(edition: ResolvedEdition, hrefFor: HrefFor, labels: Words, report?: Reporter, downloads: Downloads = []): ElementContent[] {
  const {meta, preface} = edition
  const credits = creatorsByRole(meta.creators).map(({role, names}) =>
    h('p', {className: ['credit']}, (labels.roles[role] ?? role) + ' ' + listNames(names, labels.language))
  )
  const imprint = [meta.publisher, meta.date].filter(Boolean).join(', ')

  const content: ElementContent[] = [
    h('header', {className: ['title-page']}, [
      h('h1', {id: 'title-page'}, meta.title),
      meta.subtitle ? h('p', {className: ['subtitle']}, meta.subtitle) : undefined,
      ...credits,
      imprint ? h('p', {className: ['imprint']}, imprint) : undefined
    ]),
    ...downloadList(downloads, labels),
    renderToc(edition, hrefFor, labels)
  ]

  if (preface) {
    // The preface's title is an h2 here, so its own sections start at h3.
    const {tree} = preface
    const headingOffset = headingOffsetUnder(tree, 3)
    const source = {...(preface.file ? {file: preface.file} : {}), report, assets: edition.assets}
    const body = renderFragment(tree, {hrefFor, headingOffset, labels, locale: labels.language, ...source})
    content.push(
      withSidenotes(
        h('section', {className: ['preface'], role: 'doc-preface', ariaLabelledBy: preface.id}, [
          h('h2', {id: preface.id}, preface.title),
          ...(body.children as ElementContent[]),
          // The preface's notes come from the model like a work's, under a heading one rank below its title.
          ...(renderNotes(preface.notes ?? [], {hrefFor, labels, locale: labels.language, ...source}, {style: 'endnotes', headingRank: 3})
            .children as ElementContent[])
        ]),
        labels
      )
    )
  }
  return content
}

const mediaTypes = {epub: 'application/epub+zip', pdf: 'application/pdf'} as const

/** The e-book and the print edition, when they were built with the site. A dot in the id: no slug of the text can take it. */
function downloadList(downloads: Downloads, labels: Words): ElementContent[] {
  if (downloads.length === 0) return []
  const id = 'title-page.downloads'
  const name = {epub: labels.downloadEpub, pdf: labels.downloadPdf}
  return [
    h('section', {className: ['downloads'], ariaLabelledBy: id}, [
      h('h2', {id}, labels.download),
      h(
        'ul',
        downloads.map(({format, href}) => h('li', [h('a', {href, type: mediaTypes[format], download: true}, name[format])]))
      )
    ])
  ]
}
