/**
 * What `samizdat new` writes: the smallest corpus that shows every part of one (a work, an edition with a
 * preface, an editor's note anchored on a quote, a bibliography entry the work cites), and builds at once
 * with no warning. The words are placeholders of this project's own, to be replaced.
 */
export const scaffold: Readonly<Record<string, string>> = {
  'works/first-work.md': `---
title: The First Work
authors: [An Author]
date: 1900
---

This is the text of the first work. Replace it with a text you publish: one work per file in \`works/\`, each
with a title in its front matter.

## A section

A paragraph that cites the book in the bibliography [@example-book, p. 12], and a phrase the editors annotate:
the standoff annotation in \`annotations/\` finds it by its words, not by a mark in the text.
`,
  'editions/my-edition.yaml': `# An edition: its title page, its preface and its works in reading order.
title: My Edition
editors: [The Editors]
language: en
preface: my-edition.preface.md
works:
  - first-work
`,
  'editions/my-edition.preface.md': `# Preface

Why this edition, what it gathers and how it was made.
`,
  'annotations/first-work.notes.yaml': `# Standoff annotations: each finds its passage by a quote of the work's text.
annotations:
  - id: note-phrase
    work: first-work
    kind: note
    quote: {exact: "a phrase the editors annotate"}
    body: |
      An editor's note, written in Markdown. It is printed at the foot of the page in the PDF, as a pop-up
      note in the e-book and beside the text on the web.
    sources: [{credit: "The Editors"}]
`,
  'bibliography.yaml': `# CSL-JSON items, written as YAML; the works cite them as [@id].
items:
  - id: example-book
    type: book
    title: An Example Book
    author: [{family: Writer, given: Ann}]
    publisher: An Example Press
    issued: {date-parts: [[1950]]}
`
}
