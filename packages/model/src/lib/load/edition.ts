/** Load one edition: `editions/<id>.yaml`, and the preface it names. */
import {basename, dirname, extname, relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {fail} from '../message.js'
import type {EditionSpec} from '../types.js'
import {toCreators} from './creators.js'
import {dateField} from './date.js'
import type {Reader} from './read.js'
import {parseMarkdown, takeTitleHeading} from './markdown.js'
import {validateEdition} from './validate.js'
import {parseYaml} from './yaml.js'
import {citationSettings} from './citation-settings.js'

/**
 * Parse and validate an edition file. `allWorks` gives the default order
 * when the edition lists no works. `files` collects the preface file.
 */
export async function loadEdition(file: VFile, allWorks: readonly string[], files: VFile[], reader: Reader): Promise<EditionSpec | undefined> {
  const yaml = parseYaml(file, String(file.value))
  file.data.locate = yaml.locate
  if (yaml.value === undefined) return undefined
  const data = validateEdition(file, yaml, 'edition')
  if (!data) return undefined

  const known = new Set(allWorks)
  let ok = true
  for (const [index, id] of (data.works ?? []).entries()) {
    if (!known.has(id)) {
      fail(
        file,
        `Unknown work \`${id}\` in edition: expected one of ${allWorks.map((w) => `\`${w}\``).join(', ') || '(no works)'}`,
        yaml.locate(['works', index]),
        'work-unknown'
      )
      ok = false
    }
  }

  const spec: EditionSpec = {
    id: data.id ?? basename(file.path, extname(file.path)),
    title: data.title,
    creators: toCreators(data.editors, 'edt'),
    language: data.language ?? 'en',
    works: data.works ?? [...allWorks],
    // A blank subject (perhaps blank once controls were removed) says nothing, and an EPUB cannot hold it.
    subjects: (data.subjects ?? []).map((subject) => subject.trim()).filter((subject) => subject !== ''),
    file
  }
  if (data.subtitle !== undefined) spec.subtitle = data.subtitle
  if (data.publisher !== undefined) spec.publisher = data.publisher
  if (data.rights !== undefined) spec.rights = data.rights
  if (data.description !== undefined) spec.description = data.description
  if (data.date !== undefined) {
    const date = dateField(file, data.date, yaml.locate(['date']), 'edition at `date`')
    if (date) {
      spec.date = date.text
      spec.issued = date.start
    } else ok = false
  }
  if (data.paper !== undefined) spec.paper = data.paper
  if (data.quotedHeading !== undefined) spec.quotedHeading = data.quotedHeading
  if (data.hyphenation !== undefined) spec.hyphenation = data.hyphenation
  if (data.dashes !== undefined) spec.dashes = data.dashes
  if (data.correctionMarks !== undefined) spec.correctionMarks = data.correctionMarks
  if (data.citations !== undefined) {
    const citations = await citationSettings(data.citations, file, (key) => yaml.locate(['citations', key]), reader)
    if (citations) spec.citations = citations
    else ok = false
  }

  if (data.preface !== undefined) {
    // Beside the edition file, and inside the corpus (the reader refuses anything else).
    const absolute = resolve(file.cwd, dirname(file.path), data.preface)
    const result = await reader.read(absolute, data.preface)
    if (result.problem) {
      const hint = result.problem.ruleId === 'file-missing' ? ` (looked for \`${relative(file.cwd, absolute)}\`)` : ''
      fail(file, `Preface ${result.problem.reason}${hint}`, yaml.locate(['preface']), result.problem.ruleId)
      return undefined
    }
    const preface = new VFile({cwd: file.cwd, path: relative(file.cwd, absolute), value: result.value})
    files.push(preface)
    const tree = parseMarkdown(preface)
    // No title of its own: resolving gives it the edition's word for a preface.
    spec.preface = {title: takeTitleHeading(tree) ?? '', tree, file: preface}
  }
  return ok ? spec : undefined
}
