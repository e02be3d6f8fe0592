/**
 * A generated `Case` as corpus files (path → text), and what the property
 * expects of them: every plain paragraph, by its unique token, with the file
 * and line it was written at.
 */
import type {AnnotationCase, Block, Case, Inline, Yaml} from './arbitraries.js'

export interface Tracked {
  /** Unique in the corpus; the paragraph's first word. */
  token: string
  /** The paragraph as written: token and words, one space apart. */
  text: string
  words: string[]
  /** Corpus-relative path of the file holding it. */
  file: string
  /** Index of the work in `Case.works`, or undefined for a preface. */
  work: number | undefined
  /** Index of the edition whose preface holds it. */
  edition: number | undefined
  /** 1-based line of the paragraph in its file. */
  line: number
  /** Annotation kinds anchored on it (a note adds a mark, a correction changes words). */
  annotated: Set<AnnotationCase['kind']>
}

export interface RenderedCase {
  files: Record<string, string>
  /** Work ids, in `Case.works` order (front matter id or file stem). */
  workIds: string[]
  tracked: Tracked[]
}

/** Line of text in a fenced block: longer fences than any run inside, so content never closes it. */
function fence(char: string, value: string): string {
  const runs = value.match(new RegExp(`\\${char}+`, 'g')) ?? []
  return char.repeat(Math.max(3, ...runs.map((run) => run.length + 1)))
}

function inline(node: Inline, titles: string[]): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'emphasis':
      return node.marker + inlines(node.children, titles) + node.marker
    case 'strong':
      return node.marker.repeat(2) + inlines(node.children, titles) + node.marker.repeat(2)
    case 'delete':
      return '~~' + inlines(node.children, titles) + '~~'
    case 'code': {
      const ticks = fence('`', node.value).slice(2)
      const pad = node.value.startsWith('`') || node.value.endsWith('`') ? ' ' : ''
      return ticks + pad + node.value + pad + ticks
    }
    case 'link': {
      const url = /[\s<>()]/.test(node.url) || node.url === '' ? `<${node.url.replace(/[<>]/g, '')}>` : node.url
      const title = node.title === undefined ? '' : ` "${node.title.replace(/["\\]/g, '\\$&')}"`
      return `[${inlines(node.children, titles)}](${url}${title})`
    }
    case 'autolink':
      return `<${node.url}>`
    case 'image':
      return `![${node.alt.replace(/[[\]]/g, '')}](${node.url})`
    case 'html':
      return node.value
    case 'footnoteReference':
      return `[^${node.label}]`
    case 'citation': {
      // A number picks a title of the bibliography (`Ibid.` when there is none).
      const title = typeof node.item === 'number' ? (titles[node.item % Math.max(1, titles.length)] ?? 'Ibid.') : node.item.replace(/\*/g, '')
      return `[**${title}**${node.locator ? `, ${node.locator}` : ''}]`
    }
    case 'break':
      return '\\\n'
  }
}

function inlines(nodes: Inline[], titles: string[]): string {
  return nodes.map((node) => inline(node, titles)).join('')
}

interface Context {
  titles: string[]
  next: () => string
  plain: Array<{token: string; words: string[]}>
}

/** A block as lines (no trailing blank line). */
function block(node: Block, context: Context): string[] {
  switch (node.type) {
    case 'paragraph':
      return inlines(node.children, context.titles).split('\n')
    case 'plain': {
      const token = context.next()
      context.plain.push({token, words: [token, ...node.words]})
      return [[token, ...node.words].join(' ')]
    }
    case 'heading':
      return ['#'.repeat(node.depth) + ' ' + inlines(node.children, context.titles).replace(/\n/g, ' ')]
    case 'thematicBreak':
      return ['***']
    case 'code': {
      if (node.fence === 'indent') return node.value === '' ? ['    x'] : node.value.split('\n').map((line) => '    ' + line)
      const marks = fence(node.fence, node.value)
      const lang = node.fence === '`' ? node.lang.replace(/`/g, '') : node.lang
      return [marks + lang, ...(node.value === '' ? [] : node.value.split('\n')), marks]
    }
    case 'blockquote':
      return blocks(node.children, context).map((line) => (line === '' ? '>' : '> ' + line))
    case 'list': {
      const lines: string[] = []
      node.items.forEach((item, index) => {
        const marker = node.ordered ? `${node.start + index}. ` : '- '
        const indent = ' '.repeat(marker.length)
        blocks(item, context).forEach((line, at) => lines.push(at === 0 ? marker + line : line === '' ? '' : indent + line))
        if (node.spread && index < node.items.length - 1) lines.push('')
      })
      return lines
    }
    case 'table': {
      const row = (cells: Inline[][]) => '| ' + cells.map((cell) => inlines(cell, context.titles).replace(/\n/g, ' ').replace(/\\$/, '')).join(' | ') + ' |'
      const delimiter =
        '| ' + node.align.map((align) => (align === 'left' ? ':--' : align === 'right' ? '--:' : align === 'center' ? ':-:' : '---')).join(' | ') + ' |'
      const [head, ...body] = node.rows
      return [row(head ?? []), delimiter, ...body.map(row)]
    }
    case 'html':
      return node.children === undefined ? [node.open] : [node.open, '', ...blocks(node.children, context), '', node.close]
    case 'footnoteDefinition': {
      const [first, ...rest] = blocks(node.children, context)
      return [`[^${node.label}]: ${first ?? ''}`, ...rest.map((line) => (line === '' ? '' : '    ' + line))]
    }
  }
}

function blocks(nodes: Block[], context: Context): string[] {
  const lines: string[] = []
  nodes.forEach((node, index) => {
    if (index > 0) lines.push('')
    lines.push(...block(node, context))
  })
  return lines
}

/**
 * YAML in block style, every string double-quoted with JSON escapes, so any
 * value (controls, lone surrogates) reaches the model as the generator made it.
 */
export function yaml(value: {[key: string]: Yaml}, indent = ''): string {
  let text = ''
  for (const [key, item] of Object.entries(value)) text += `${indent}${JSON.stringify(key)}:${nested(item, indent)}`
  return text
}

function nested(value: Yaml, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []\n'
    // An item's content starts after `  - `, so its keys line up four columns in.
    const inner = indent + '    '
    return (
      '\n' +
      value
        .map((item) => {
          if (Array.isArray(item)) return `${indent}  - ${JSON.stringify(item)}\n`
          if (typeof item === 'object') return Object.keys(item).length === 0 ? `${indent}  - {}\n` : `${indent}  - ${yaml(item, inner).slice(inner.length)}`
          return `${indent}  - ${scalar(item)}\n`
        })
        .join('')
    )
  }
  if (typeof value === 'object') {
    if (Object.keys(value).length === 0) return ' {}\n'
    return '\n' + yaml(value, indent + '  ')
  }
  return ` ${scalar(value)}\n`
}

/** JSON escapes, plus the characters YAML will not take raw (DEL, C1, noncharacters, line separators). */
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value)
  return JSON.stringify(value).replace(/[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
}

export function renderCase(input: Case): RenderedCase {
  const titles = input.bibliography.map((item) => item.title)
  let counter = 0
  // Letters only (no digits next to words), so hyphenation and typography leave tokens whole.
  const next = () => 'qz' + (++counter).toString(26).replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)] as string) + 'q'
  const files: Record<string, string> = {}
  const tracked: Tracked[] = []
  const workIds: string[] = []

  const track = (path: string, text: string, plain: Context['plain'], work: number | undefined, edition: number | undefined) => {
    const lines = text.split('\n')
    for (const {token, words} of plain) {
      const line = lines.findIndex((candidate) => candidate.includes(token + ' ') || candidate.endsWith(token)) + 1
      tracked.push({token, text: words.join(' '), words, file: path, work, edition, line, annotated: new Set()})
    }
  }

  input.works.forEach((work, index) => {
    const stem = `w${index + 1}`
    const id = work.frontMatter && typeof work.frontMatter['id'] === 'string' ? work.frontMatter['id'] : stem
    workIds.push(id)
    const context: Context = {titles, next, plain: []}
    const body = blocks(work.blocks, context).join('\n') + '\n'
    const head = work.frontMatter ? `---\n${yaml(work.frontMatter)}---\n\n` : work.headingTitle !== undefined ? `# ${work.headingTitle}\n\n` : ''
    const path = `works/${stem}.md`
    files[path] = head + body
    track(path, files[path], context.plain, index, undefined)
  })

  input.editions.forEach((edition, index) => {
    const fields: {[key: string]: Yaml} = {...edition.fields}
    if (edition.works) fields['works'] = [...new Set(edition.works.map((work) => workIds[work % workIds.length] as string))]
    if (edition.unknownWork !== undefined) fields['works'] = [...((fields['works'] as string[] | undefined) ?? workIds), edition.unknownWork]
    if (edition.preface) {
      const context: Context = {titles, next, plain: []}
      const path = `editions/e${index + 1}.preface.md`
      files[path] = blocks(edition.preface, context).join('\n') + '\n'
      track(path, files[path], context.plain, undefined, index)
      fields['preface'] = `e${index + 1}.preface.md`
    }
    files[`editions/e${index + 1}.yaml`] = yaml(fields)
  })

  // Quotes come from the plain paragraphs of works; a prefix of the words before makes each unique.
  const inWorks = tracked.filter((paragraph) => paragraph.work !== undefined)
  const used = new Map<string, Array<[number, number]>>()
  const anchor = (spec: {paragraph: number; start: number; length: number}) => {
    if (inWorks.length === 0) return undefined
    const paragraph = inWorks[spec.paragraph % inWorks.length] as Tracked
    const start = spec.start % paragraph.words.length
    const end = Math.min(paragraph.words.length, start + spec.length)
    const ranges = used.get(paragraph.token) ?? []
    if (ranges.some(([from, to]) => start < to && from < end)) return undefined
    ranges.push([start, end])
    used.set(paragraph.token, ranges)
    const quote: {[key: string]: Yaml} = {exact: paragraph.words.slice(start, end).join(' ')}
    if (start > 0) quote['prefix'] = paragraph.words.slice(0, start).join(' ') + ' '
    return {paragraph, quote, workId: workIds[paragraph.work as number] as string}
  }

  const annotations: Yaml[] = []
  input.annotations.forEach((spec, index) => {
    const found = anchor(spec)
    if (!found) return
    found.paragraph.annotated.add(spec.kind)
    const entry: {[key: string]: Yaml} = {id: `a${index + 1}`, work: found.workId, kind: spec.kind, quote: found.quote}
    if (spec.credit !== undefined) entry['sources'] = [{credit: spec.credit}]
    switch (spec.kind) {
      case 'note':
        entry['body'] = spec.body
        break
      case 'correction':
        entry['corr'] = spec.corr
        entry['reason'] = spec.reason
        break
      case 'conflict':
        entry['body'] = spec.body
        entry['claims'] = spec.claims.map((claim, at) => ({claim, credit: `Credit ${at + 1}`}))
        break
      case 'crossref':
        entry['target'] = {work: workIds[spec.target % workIds.length] as string}
        entry['quotes'] = spec.quotes
        if (spec.locator !== undefined) entry['locator'] = spec.locator
        break
      case 'person':
        entry['person'] = `p${(spec.person % Math.max(1, input.persons.length)) + 1}`
        break
      case 'language':
        entry['lang'] = spec.lang
        break
    }
    annotations.push(entry)
  })
  if (annotations.length > 0) files['annotations/generated.yaml'] = yaml({annotations})
  if (input.persons.length > 0) {
    files['persons.yaml'] = yaml({
      persons: input.persons.map((person, index) => ({id: `p${index + 1}`, name: person.name, variants: person.variants, ...person.fields}))
    })
  }
  if (input.timeline.length > 0) {
    const events = input.timeline.map((event) => {
      const found = event.mention && anchor(event.mention)
      return {date: event.date, label: event.label, ...(found ? {mentions: [{work: found.workId, quote: found.quote}]} : {})}
    })
    files['timeline.yaml'] = yaml({events})
  }
  if (input.bibliography.length > 0) {
    files['bibliography.yaml'] = yaml({
      items: input.bibliography.map((item, index) => ({
        id: `b${index + 1}`,
        type: 'book',
        title: item.title,
        author: [{family: item.family, given: item.given}]
      }))
    })
  }
  return {files, workIds, tracked}
}
