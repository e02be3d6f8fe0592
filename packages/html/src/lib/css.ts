/**
 * The default stylesheet: a reading layout in EB Garamond (shipped with the site, text-font.ts), without scripts.
 * Kept as a string so `toHtml` stays pure; `HtmlOptions.css` is appended to it.
 */
import {codeStylesheet} from '@samizdat/model'

/** The text's font stack, before the generic family; `scriptFontRules` puts the Noto fonts of other scripts after it. */
const serifStack = '"EB Garamond", "Iowan Old Style", "Palatino Linotype", Palatino, Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia'
const monoStack = 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono"'

export const stylesheet =
  `/* Samizdat web edition */
:root {
  color-scheme: light dark;
  --paper: #fdfcf7;
  --ink: #1f1d1a;
  --muted: #595449;
  --link: #1d4f91;
  --visited: #5b3a8a;
  --rule: #d8d2c4;
  --accent: #8c3a1b;
  --mark: #fbeeb8;
  --panel: #f5f1e6;
  --measure: 65ch;
}
@media (prefers-color-scheme: dark) {
  :root {
    --paper: #17171b;
    --ink: #e7e3d9;
    --muted: #aaa498;
    --link: #93bbff;
    --visited: #cbb0ff;
    --rule: #3b3b44;
    --accent: #f0a37e;
    --mark: #4a4221;
    --panel: #202027;
  }
}

*, *::before, *::after { box-sizing: border-box; }

html {
  background: var(--paper);
  color: var(--ink);
  font-family: ${serifStack}, serif;
  font-size: clamp(1rem, 0.95rem + 0.3vw, 1.1875rem);
  line-height: 1.6;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body { margin: 0; overflow-wrap: break-word; }
main { hyphens: auto; }

.site-header, main, .site-footer {
  max-width: calc(var(--measure) + 2.5rem);
  margin-inline: auto;
  padding-inline: 1.25rem;
}

/* Banner */
/* Banner and footer set their smaller type on their children: on the
   containers it would shrink the \`ch\` of the measure and misalign them. */
.site-header {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  justify-content: space-between;
  gap: 0.25rem 1rem;
  padding-block: 0.75rem;
  border-bottom: 1px solid var(--rule);
}
.site-header > *, .site-footer > * { font-size: 0.9rem; }
.site-title { color: inherit; font-style: italic; text-decoration: none; }
.site-title:hover, .site-title:focus-visible { text-decoration: underline; }

.skip-link {
  position: absolute;
  top: 0.5rem;
  left: 0.5rem;
  padding: 0.5rem 1rem;
  background: var(--ink);
  color: var(--paper);
  transform: translateY(-200%);
}
.skip-link:focus { transform: none; }

/* Text */
a { color: var(--link); text-underline-offset: 0.15em; text-decoration-thickness: from-font; }
a:visited { color: var(--visited); }
a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }

h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 600; hyphens: manual; text-wrap: balance; }
/* Smaller on phones, where long historical headings would fill the screen. */
h1 { font-size: clamp(1.6rem, 1.25rem + 1.6vw, 2rem); margin: 0 0 0.5rem; }
h2 { font-size: clamp(1.25rem, 1.1rem + 0.7vw, 1.45rem); }
h3 { font-size: clamp(1.1rem, 1.05rem + 0.3vw, 1.2rem); }
h4, h5, h6 { font-size: 1rem; }

/* A heading and its self-link: the heading runs inline so the link follows its last word. */
.heading { margin: 2.25rem 0 0.75rem; line-height: 1.25; }
.heading > :is(h1, h2, h3, h4, h5, h6) { display: inline; margin: 0; }
/* Underlined like any link: beside heading text, colour alone would not mark it. */
.anchor { margin-left: 0.4em; color: var(--muted); font-weight: normal; }
.anchor:visited { color: var(--muted); }
.anchor:hover, .anchor:focus-visible { color: var(--link); }

p, ul, ol, dl, blockquote, pre, table { margin-block: 0 1em; }
blockquote { margin-inline: 0; padding-left: 1.25rem; border-left: 3px solid var(--rule); }
hr { width: 30%; margin: 2.5em auto; border: 0; border-top: 1px solid var(--rule); }
img { max-width: 100%; height: auto; }
code, kbd, samp, pre { font-family: ${monoStack}, monospace; font-size: 0.9em; }
/* Wrapped, not scrolled: a scrolling box needs keyboard access of its own. */
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; }
:is(th, td).align-left { text-align: left; }
:is(th, td).align-center { text-align: center; }
:is(th, td).align-right { text-align: right; }
th, td { padding: 0.3em 0.5em; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: anywhere; }

/* Title page and contents */
.title-page { margin-block: 3rem 2.5rem; text-align: center; }
.title-page h1 { font-size: clamp(2rem, 1.5rem + 2.5vw, 3rem); }
.title-page .subtitle { font-size: 1.2rem; font-style: italic; }
.credit, .imprint { margin: 0.25rem 0; color: var(--muted); }

.downloads { margin-block: 1.5rem 2rem; text-align: center; }
.downloads h2 { font-size: 1rem; margin: 0 0 0.4rem; color: var(--muted); font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
.downloads ul { display: flex; flex-wrap: wrap; justify-content: center; gap: 0.5rem 1.5rem; list-style: none; margin: 0; padding: 0; }
.toc { margin-block: 2rem 3rem; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { padding-left: 1.25rem; font-size: 0.95em; }
.toc li { margin-block: 0.4em; }
.toc > ol > li { margin-block: 0.9em; }
.toc > ol > li > a { font-weight: 600; }
.toc .toc-part > span { display: block; font-weight: 700; }

/* A work's title and metadata */
.work-header { margin-block: 2.5rem 2rem; padding-bottom: 1.25rem; border-bottom: 1px solid var(--rule); }
.work-header .subtitle { font-size: 1.2rem; font-style: italic; margin-top: 0; }
.work-header .byline { margin: 0.75rem 0 0; }
/* Where the text comes from, at its end */
.source-note { margin-block: 2.5rem 1rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: 0.9rem; color: var(--muted); }
.source-note p { margin-block: 0.4rem; }
.source-note ul { margin-block: 0.2rem; padding-left: 1.1rem; }

/* The apparatus. Marks stay quiet in the reading text: a dotted underline
   for corrections, small numbers for notes; the rest shows when asked for. */

/* Where a link from the index, the timeline, a note or the bibliography lands. */
main [id] { scroll-margin-top: 1.5rem; }
main :target:not(h1, h2, h3, h4, h5, h6, section, article) { background: var(--mark); border-radius: 2px; box-shadow: 0 0 0 0.15em var(--mark); }

/* Corrections: the edition's reading, with the source's one step away.
   The <del> is hidden by its attribute; hover shows it above the word, the
   switch at the top of the page shows every one of them in the line. */
.corr { position: relative; }
.corr ins { text-decoration: underline dotted var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.22em; }
.corr-omission { border-left: 1px dotted var(--accent); }
/* The edition's mark of a corrected reading (\`correctionMarks\`): half brackets around it, or a raised dot after
   it; generated content, silent for screen readers (the empty alternative) and left out of copied text. */
.corr-bracket > ins::before, .corr-bracket.corr-omission::before { content: "⸢"; content: "⸢" / ""; color: var(--accent); }
.corr-bracket > ins::after, .corr-bracket.corr-omission::after { content: "⸣"; content: "⸣" / ""; color: var(--accent); }
.corr-dot > ins::after, .corr-dot.corr-omission::after { content: "·"; content: "·" / ""; color: var(--accent); font-weight: bold; }
.corr:hover > .sic {
  display: block;
  position: absolute;
  bottom: calc(100% + 0.3em);
  left: 0;
  z-index: 1;
  width: max-content;
  max-width: min(22rem, 80vw);
  padding: 0.2em 0.5em;
  border-radius: 3px;
  background: var(--ink);
  color: var(--paper);
  font-size: 0.8rem;
  line-height: 1.35;
  text-decoration: none;
  white-space: normal;
  text-indent: 0;
}
.sic-label { font-variant: small-caps; letter-spacing: 0.03em; opacity: 0.85; }
.sic-switch { margin: 0 0.45em 0 0; vertical-align: -0.1em; accent-color: var(--accent); }
.sic-switch-label { display: inline-block; margin-bottom: 1.5rem; font-size: 0.9rem; color: var(--muted); }
/* After the hover rule, so that the switch wins. */
.sic-switch:checked ~ * .sic {
  display: inline;
  position: static;
  margin-inline: 0.25em 0.05em;
  padding: 0 0.2em;
  border-radius: 2px;
  background: var(--panel);
  color: var(--muted);
  font-size: 0.85em;
  text-decoration: line-through;
}
.sic-switch:checked ~ * .sic-label {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}

/* Note marks and citations: links, but not loud ones. */
/* A note mark is told from the text by being a raised bold number, not by colour alone. */
.noteref { padding-inline: 0.08em; font-weight: 600; text-decoration: none; }
.noteref:hover, .noteref:focus-visible { text-decoration: underline; }
.noteref sup { font-size: 0.72em; line-height: 0; font-variant-numeric: lining-nums; }
a.citation { color: inherit; text-decoration-color: var(--muted); text-decoration-thickness: 1px; }
a.citation:hover, a.citation:focus-visible { color: var(--link); text-decoration-color: currentColor; }

/* Endnotes */
.notes { margin-top: 3rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); font-size: 0.92rem; }
.notes h2 { font-size: 1.1rem; margin: 1rem 0; }
.notes ol { margin: 0; padding-left: 1.75rem; }
.note { margin-block: 0 1em; padding-left: 0.25rem; }
.note::marker { color: var(--muted); font-variant-numeric: lining-nums; }
.note p, .note ul { margin-block: 0 0.5em; }
.note-conflict { border-left: 3px solid var(--accent); padding-left: 0.75rem; }
.note-label { color: var(--accent); font-size: 0.8rem; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
.backlink { margin-left: 0.15em; }

/* Notes beside their text (sidenotes.ts): under their paragraph on narrow screens, in the margin on wide ones. */
.sidenote { margin: -0.25rem 0 1.25rem; padding: 0.5rem 0.85rem 0.1rem; border-left: 2px solid var(--rule); background: var(--panel); font-size: 0.88rem; line-height: 1.45; hyphens: auto; }
.sidenote.note-conflict { border-left: 3px solid var(--accent); }
.sidenote-number { font-weight: 600; font-variant-numeric: lining-nums; }
.sidenote :is(p, ul, ol) { margin-block: 0 0.5em; }
@media (min-width: 70rem) {
  :root { --side: 17rem; --gutter: 2.5rem; }
  .site-header, main, .site-footer { max-width: calc(var(--measure) + 2.5rem + var(--side) + var(--gutter)); padding-right: calc(1.25rem + var(--side) + var(--gutter)); }
  .sidenote { float: right; clear: right; width: var(--side); margin: 0.2rem calc(-1 * (var(--side) + var(--gutter))) 1rem 0; padding: 0 0 0 0.75rem; background: none; font-size: 0.82rem; }
  /* Inside the editors' inset sections (padded), the same margin column. */
  .editorial > .sidenote { margin-right: calc(-1 * (var(--side) + var(--gutter)) - 1.25rem); }
  /* The banner, the footer and the work's heading span the text alone. */
  .work-header, .notes { clear: right; }
}

/* A section the edition added to a work ("as quoted"): set apart from the text. */
.editorial { margin-block: 3rem 1rem; padding: 0.25rem 1.25rem 0.5rem; border-left: 3px solid var(--rule); background: var(--panel); font-size: 0.95rem; }
.editorial > .heading:first-child, .editorial > :is(h2, h3, h4):first-child { margin-top: 1rem; }
.editorial-label { margin-top: -0.25rem; color: var(--muted); font-size: 0.85rem; font-style: italic; }

/* Back matter: entries with hanging indents, mention numbers quiet. */
.back-matter ul, ul.hanging { list-style: none; padding-left: 0; }
.back-matter li, .hanging > li { margin-block: 0.55em; padding-left: 1.5em; text-indent: -1.5em; }
.back-matter code { font-family: inherit; font-size: inherit; background: var(--panel); padding: 0 0.2em; border-radius: 2px; }
.toc .toc-back-matter { margin-top: 1.25rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); }
.toc .toc-back-matter > li { margin-block: 0.5em; }

/* Search */
.site-nav { display: flex; gap: 1rem; }
.search-form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-block: 1rem; }
.search-form input { flex: 1 1 12rem; min-width: 0; padding: 0.35rem 0.5rem; border: 1px solid var(--muted); border-radius: 3px; background: var(--paper); color: var(--ink); font: inherit; }
.search-form button { padding: 0.35rem 0.9rem; border: 1px solid var(--link); border-radius: 3px; background: var(--link); color: var(--paper); font: inherit; }
.search-status { color: var(--muted); }
.search-results li { margin-block: 0.5em; }
.search-page { color: var(--muted); }

/* Footer */
.site-footer { margin-top: 3rem; padding-block: 1.5rem 2rem; border-top: 1px solid var(--rule); }
.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; margin-bottom: 1.5rem; }
.pager a { display: flex; flex-direction: column; max-width: 48%; text-decoration: none; }
.pager a:hover .pager-title, .pager a:focus-visible .pager-title { text-decoration: underline; }
.pager .next { margin-left: auto; text-align: right; }
.pager-label { color: var(--muted); font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; }
.colophon { color: var(--muted); margin: 0.5rem 0; }

@media print {
  :root { --paper: #fff; --ink: #000; --muted: #333; --link: #000; --visited: #000; --rule: #999; }
  html { font-size: 11pt; }
  .skip-link, .site-header, .pager, .anchor, .sic-switch, .sic-switch-label, .backlink, .downloads { display: none; }
  .sidenote { float: none; width: auto; margin: 0 0 1em; padding: 0 0 0 0.75rem; background: none; }
  main, .site-footer { max-width: none; padding: 0; }
  a { text-decoration: none; }
  a[rel~="external"]::after { content: " <" attr(href) ">"; font-size: 0.85em; overflow-wrap: anywhere; }
  .work, .back-matter { break-before: page; }
  .corr ins { text-decoration: none; }
  main :target:not(h1, h2, h3, h4, h5, h6, section, article) { background: none; box-shadow: none; }
  .editorial { background: none; }
  .note, .back-matter li { break-inside: avoid; }
  h1, h2, h3, h4, h5, h6, .heading, dt { break-after: avoid; }
  p, li, blockquote { orphans: 3; widows: 3; }
  .toc { break-after: page; }
}

/* Formulas (MathML) and highlighted code: code blocks keep a light panel in
   both schemes, so that the token colours keep their contrast. */
math[display="block"] { display: block math; margin-block: 0 1em; overflow-x: auto; }
pre.highlight { padding: 0.6em 0.8em; border-radius: 3px; background: #f6f8fa; color: #1f2328; color-scheme: light; }
` +
  codeStylesheet() +
  '\n'

/** The font stacks again with the Noto families of the book's other scripts before the generic family (the site's only web fonts). */
export function scriptFontRules(families: readonly string[]): string {
  if (families.length === 0) return ''
  const noto = families.map((family) => `"${family}"`).join(', ')
  return `html { font-family: ${serifStack}, ${noto}, serif; }\ncode, kbd, samp, pre { font-family: ${monoStack}, ${noto}, monospace; }\n`
}
