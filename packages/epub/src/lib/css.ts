/**
 * The book's stylesheet, written for e-readers: no fixed widths or colours
 * (the reading system's themes, night mode included, stay in charge), margins
 * in `em`, hyphenation hints for the engines that read them, and classes for
 * what epub-gen-memory would strip as attributes (table alignment, list numbers).
 */
import {codeStylesheet} from '@samizdat/model'
import {fontFamily} from './fonts.js'
import type {BookFonts} from './script-fonts.js'

export function stylesheet(fonts: BookFonts, extra = ''): string {
  // The Noto fonts of the scripts the book uses follow, each only for the characters its slices hold.
  const fallbacks = fonts.fallbacks.map((family) => `"${family}", `).join('')
  const stacks = `
body { font-family: "${fontFamily}", ${fallbacks}serif; }
code, kbd, samp, pre { font-family: "PT Mono", ${fallbacks}monospace; }
`
  return fonts.css + rules + stacks + codeRules + (extra ? '\n' + extra + '\n' : '')
}

const rules = `
html { color-scheme: light dark; }
body {
  line-height: 1.45;
  margin: 0 1em;
  overflow-wrap: break-word;
  -webkit-hyphens: auto;
  -epub-hyphens: auto;
  hyphens: auto;
  adobe-hyphenate: auto;
  widows: 2;
  orphans: 2;
}

p { margin: 0; text-indent: 1.2em; text-align: justify; }
/* No indent where a paragraph opens a passage. */
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, header + p, blockquote + p, hr + p,
ul + p, ol + p, dl + p, table + p, pre + p, div + p,
blockquote > p:first-child, li > p:first-child, dd > p:first-child, aside > p:first-child,
section > p:first-child, article > p:first-child { text-indent: 0; }
blockquote p, li p, dd p, aside p, header p { text-align: inherit; }

h1, h2, h3, h4, h5, h6 {
  font-weight: 600;
  line-height: 1.2;
  text-align: left;
  -webkit-hyphens: manual;
  -epub-hyphens: manual;
  hyphens: manual;
  page-break-after: avoid;
  break-after: avoid;
}
h1 { font-size: 1.6em; margin: 1.5em 0 0.75em; }
h2 { font-size: 1.3em; margin: 1.5em 0 0.6em; }
h3 { font-size: 1.1em; margin: 1.25em 0 0.5em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.4em; }

a { color: inherit; text-decoration: underline; text-decoration-thickness: 0.05em; }
em, i, cite { font-style: italic; }
strong, b { font-weight: 600; }
blockquote { margin: 1em 1.5em; }
ul, ol { margin: 0.75em 0; padding-left: 1.5em; }
li { margin: 0.2em 0; }
hr { border: 0; border-top: 1px solid currentColor; opacity: 0.4; width: 30%; margin: 1.5em auto; }
code, kbd, samp, pre { font-size: 0.85em; }
pre { white-space: pre-wrap; margin: 1em 0; }
img { max-width: 100%; height: auto; }
sup, sub { font-size: 0.7em; line-height: 0; }

/* Tables: alignment travels as classes (epub-gen-memory drops the \`align\` attribute). */
table { border-collapse: collapse; margin: 1em 0; }
th, td { border-bottom: 1px solid currentColor; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { font-weight: 600; }
th.align-left, td.align-left { text-align: left; }
th.align-center, td.align-center { text-align: center; }
th.align-right, td.align-right { text-align: right; }
th.align-justify, td.align-justify { text-align: justify; }

/* Ordered lists that do not start at 1 carry their numbers as text (see markup.ts). */
ol.numbered { list-style: none; padding-left: 1.5em; }
ol.numbered > li > .number:first-child { display: inline-block; min-width: 1.5em; margin-left: -1.5em; }
.task { font-family: sans-serif; }

/* Title page */
.title-page { text-align: center; margin-top: 3em; }
.title-page h1 { font-size: 2em; margin: 0 0 0.5em; text-align: center; }
.title-page p { text-indent: 0; text-align: center; }
.subtitle { font-style: italic; font-size: 1.15em; }
.credit { margin-top: 1.5em; }
.imprint { margin-top: 3em; font-size: 0.9em; }

/* The contents: entries carry their own numbers (“1 Were the…”), so the list adds none. */
nav#contents ol { list-style: none; padding-left: 0; }
nav#contents ol ol { padding-left: 1.25em; }
nav#contents li { margin: 0.3em 0; }

/* Cover */
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-height: 100vh; }

/* A work's title and metadata */
.work-header { margin-bottom: 1.5em; }
.work-header h1 { margin-top: 1em; }
.work-header .subtitle { text-indent: 0; margin-top: -0.25em; }
.work-header .byline { text-indent: 0; margin-top: 0.5em; }
.source-note { font-size: 0.85em; margin: 2em 0 1em; border-top: 1px solid #999; padding-top: 0.5em; }
.source-note p { text-indent: 0; margin: 0.3em 0; }
.source-note ul { margin: 0.2em 0; }

/* Notes: pop-ups where the reading system supports them, otherwise at the end of the file. */
/* The mark is a link around a <sup>: the <sup> sets it small and raised. */
a.noteref { text-decoration: none; padding-left: 0.05em; }
section.notes { margin-top: 2em; border-top: 1px solid currentColor; }
section.notes > h2 { font-size: 1.1em; }
aside.note { font-size: 0.9em; margin: 1em 0; }
aside.note p { text-indent: 0; }
.note-label { font-style: italic; }
.backlink { text-decoration: none; }

/* Corrections: a discreet dotted underline marks the edition's reading (the source's is its title and in
   the list of corrections); an omission, a thin dotted bar where the words were. */
.corr { text-decoration: underline dotted; text-decoration-thickness: 0.05em; text-underline-offset: 0.2em; }
.corr-omission { border-left: 1px dotted currentColor; }

/* Back matter and colophon */
.back-matter ul, .colophon ul, ul.hanging { list-style: none; padding-left: 0; }
.back-matter li, .colophon li, .hanging > li { margin: 0.4em 0; padding-left: 1.25em; text-indent: -1.25em; }
.corr-bracket::before { content: "⸢"; }
.corr-bracket::after { content: "⸣"; }
.corr-dot::after { content: "·"; font-weight: bold; }
.colophon p, .licence p { text-indent: 0; text-align: left; margin: 0.5em 0; }
.licence { font-size: 0.85em; }
`

/* Formulas, and code in GitHub's light colours on a light panel (whatever the theme, so they keep their contrast). */
const codeRules = `
math[display="block"] { display: block; margin: 0.75em 0; text-align: center; }
pre.highlight { background: #f6f8fa; color: #1f2328; padding: 0.5em 0.75em; }
${codeStylesheet()}
`
