/** Load one work: a Markdown file with YAML front matter. */
import {basename, extname} from 'node:path'
import type {VFile} from 'vfile'
import '../vfile-data.js'
import {warn} from '../message.js'
import {removeNonXml} from './xml-chars.js'
import type {Creator, PublicationEvent, Work, WorkMeta} from '../types.js'
import {toCreators} from './creators.js'
import {dateField} from './date.js'
import {frontMatter, parseMarkdownCached, takeTitleHeading, type ParseCache} from './markdown.js'
import type {workSchema} from './schema.js'
import {validateWork} from './validate.js'
import {parseYaml} from './yaml.js'
import type {Static} from 'typebox'

type WorkFrontMatter = Partial<Static<typeof workSchema>>

/** What the work's place in the corpus says: its default id (from its path) and its part (its folder). */
export interface WorkPlace {
  id?: string
  part?: string
}

/** Parse and validate a work file. Returns undefined (with messages on `file`) when unusable. */
export function loadWork(file: VFile, place: WorkPlace = {}, cache?: ParseCache): Work | undefined {
  const tree = parseMarkdownCached(file, cache)
  const yamlNode = frontMatter(tree)
  let data: WorkFrontMatter
  if (yamlNode) {
    tree.children.shift()
    const start = yamlNode.position?.start
    // The YAML text starts on the line after the opening `---`.
    const origin = {line: (start?.line ?? 1) + 1, column: 1, offset: (start?.offset ?? 0) + 4}
    const yaml = parseYaml(file, yamlNode.value, origin)
    file.data.locate = yaml.locate
    if (yaml.value === undefined && yamlNode.value.trim() !== '') return undefined
    // A file without a title in front matter may still carry one as its `#` heading.
    const value = yaml.value ?? {}
    const title = isRecord(value) && !('title' in value) ? takeTitleHeading(tree, file) : undefined
    const validated = validateWork(file, {...yaml, value: title === undefined ? value : {...value, title}}, 'front matter')
    if (!validated) return undefined
    data = validated
  } else {
    // No title anywhere: the file's name, as Pandoc does, with a warning (an editor may want to give one).
    const title = takeTitleHeading(tree, file) ?? untitled(file)
    data = {title}
  }

  // Dates are checked once, here: an invalid one is an error and is left out.
  const locate = file.data.locate ?? (() => ({start: {line: 1, column: 1}, end: {line: 1, column: 1}}))
  const date = data.date === undefined ? undefined : dateField(file, data.date, locate(['date']), 'front matter at `date`')
  const history: PublicationEvent[] = []
  for (const [index, entry] of (data.publicationHistory ?? []).entries()) {
    const when = dateField(file, entry.date, locate(['publicationHistory', index, 'date']), `front matter at \`publicationHistory.${index}.date\``, true)
    if (!when) continue
    const event: PublicationEvent = {date: when.text, event: entry.event}
    if (entry.source !== undefined) event.source = entry.source
    history.push(event)
  }

  const stem = place.id ?? basename(file.path, extname(file.path))
  const creators: Creator[] = [...toCreators(data.authors, 'aut'), ...toCreators(data.contributors, 'ctb')]
  const meta: WorkMeta = {
    id: data.id ?? stem,
    title: data.title ?? stem,
    creators,
    publicationHistory: history,
    language: data.language ?? 'en',
    anchors: data.anchors ?? {}
  }
  if (data.shortTitle !== undefined) meta.shortTitle = data.shortTitle
  if (data.subtitle !== undefined) meta.subtitle = data.subtitle
  if (data.editorialTitle !== undefined) meta.editorialTitle = data.editorialTitle
  if (data.editorialSubtitle !== undefined) meta.editorialSubtitle = data.editorialSubtitle
  if (data.shortTitle !== undefined) meta.shortTitle = data.shortTitle
  if (date) meta.date = date.text
  if (data.description !== undefined) meta.description = data.description
  if (data.source !== undefined) meta.source = data.source
  if (data.rights !== undefined) meta.rights = data.rights
  if (data.url !== undefined) meta.url = data.url
  if (data.baseUrl !== undefined) meta.baseUrl = data.baseUrl
  if (place.part !== undefined) meta.part = place.part
  return {meta, tree, file}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function untitled(file: VFile): string {
  // A file name may hold what no XML text can (a control character): the title leaves it out.
  const title = removeNonXml(file.stem ?? '').trim() || 'untitled'
  warn(
    file,
    `No title: the work is titled \`${title}\` from its file name (give it front matter with a \`title\`, or start it with a \`#\` heading)`,
    {line: 1, column: 1},
    'title-missing'
  )
  return title
}
