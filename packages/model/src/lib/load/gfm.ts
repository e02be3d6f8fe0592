/**
 * GFM without the constructs a document cannot use. Two of GFM's constructs are tried at nearly every step of
 * micromark's tokenizer, and fail almost always: autolink literals at the start of every word (an e-mail address
 * may start there), tables on every line of a paragraph (it may be a table's head row). Each can only match raw
 * text holding certain characters, so a document without them is parsed without those constructs: the same tree,
 * in about half the time. A construct missing from GFM's extension (a renamed one) is simply kept: slower, never
 * wrong. Tables and task lists are also the only parts of GFM whose mdast utilities load mdast-util-to-markdown
 * (about fifty modules, for writing Markdown, which the model never does): a text that can hold neither is built
 * without them, and they are loaded on the first text that can.
 */
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from '../lazy.js'
import type {Processor} from 'unified'
import type {Root} from 'mdast'

/** A group of GFM's constructs (by micromark's names), and what the raw text must hold for any of them to match. */
interface Rare {
  names: ReadonlySet<string>
  needs: RegExp
}

/** E-mail (`a@b.c`), `www.` and `http(s)://` autolink literals: micromark reads them in raw text only. */
const autolinks: Rare = {names: new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']), needs: /@|www\.|https?:\/\//i}

/** Tables: a delimiter row holds a `|`, or an alignment colon beside a `-`. */
const tables: Rare = {names: new Set(['table']), needs: /\||:-|-:/}

/** Task list items: a `[ ]` or `[x]` opening a list item's paragraph. */
const taskLists: Rare = {names: new Set(['tasklistCheck']), needs: /\[/}

/**
 * YAML front matter as micromark-extension-frontmatter reads it: `---` lines around it, the closing one present
 * (line endings `\n`, `\r` or `\r\n`). Its text is never Markdown, and often holds a `url:` or an address.
 */
const frontMatter = /^---[ \t]*(?:\r\n?|\n)(?:[^\r\n]*(?:\r\n?|\n))*?---[ \t]*(?:\r\n?|\n|$)/

/** The rare groups the Markdown of `text` cannot match (none: use remark-gfm itself). */
export function unusedIn(text: string): Rare[] {
  const markdown = text.slice(frontMatter.exec(text)?.[0].length ?? 0)
  return [autolinks, tables, taskLists].filter((rare) => !rare.needs.test(markdown))
}

type Syntax = ReturnType<typeof gfm>
type FromMarkdown = ReturnType<ReturnType<typeof gfmFromMarkdown>>[number]

/**
 * remark-gfm's parsing half without the constructs of `skip`. Without autolink syntax, the autolink literals of
 * decoded text (`www\.a.org`, `a&#64;b.org`: escapes and character references) are still found by
 * mdast-util-gfm's transform (four whole-tree walks), run only when some text node holds what it looks for.
 */
export function remarkGfmWithout(this: Processor, skip: readonly Rare[]): undefined {
  const names = new Set(skip.flatMap((rare) => [...rare.names]))
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(withoutConstructs(gfm(), names))
  const fromMarkdown = skip.includes(tables) && skip.includes(taskLists) ? withoutTablesAndTasks() : gfmFromMarkdown()()
  ;(data.fromMarkdownExtensions ??= []).push(skip.includes(autolinks) ? fromMarkdown.map(lazyAutolinks) : fromMarkdown)
  return undefined
}

/** mdast-util-gfm's `gfmFromMarkdown()` without its table and task list extensions (the last two), in its order. */
function withoutTablesAndTasks(): FromMarkdown[] {
  return [gfmAutolinkLiteralFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown()]
}

/** `syntax` with the named constructs taken out of every hook. */
function withoutConstructs(syntax: Syntax, names: ReadonlySet<string>): Syntax {
  const result: Record<string, unknown> = {}
  for (const [field, hooks] of Object.entries(syntax)) {
    if (hooks === null || typeof hooks !== 'object' || Array.isArray(hooks)) {
      result[field] = hooks
      continue
    }
    const kept: Record<string, unknown[]> = {}
    for (const [code, list] of Object.entries(hooks as Record<string, unknown>)) {
      const constructs = (Array.isArray(list) ? list : [list]).filter((item) => !names.has((item as {name?: unknown} | null)?.name as string))
      if (constructs.length > 0) kept[code] = constructs
    }
    result[field] = kept
  }
  return result as Syntax
}

/** The autolink extension's transform, run only on a tree whose text could hold an autolink literal. */
function lazyAutolinks(extension: FromMarkdown): FromMarkdown {
  if (!extension.enter || !('literalAutolink' in extension.enter) || !extension.transforms) return extension
  const transforms = extension.transforms.map((transform) => (tree: Parameters<typeof transform>[0]) => (mayAutolink(tree) ? transform(tree) : undefined))
  return {...extension, transforms}
}

/** Whether any text node of `tree` (all the transform reads) holds what an autolink literal needs. */
function mayAutolink(tree: Root): boolean {
  const stack: Array<{type: string; value?: unknown; children?: unknown[]}> = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && autolinks.needs.test(node.value as string)) return true
    if (node.children) for (const child of node.children) stack.push(child as (typeof stack)[number])
  }
  return false
}
