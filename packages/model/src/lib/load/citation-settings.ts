/**
 * An edition's `citations` setting: `brackets` (FAQ-style bracket citations,
 * off by default), `pandoc` (Pandoc's `[@key]`, on by default when the corpus
 * has a bibliography) and `style`: a style's name, or a `.csl` file of the
 * corpus (its path relative to the corpus folder, read through the sandbox).
 */
import {resolve} from 'node:path'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import {defaultStyle, fromXml, namedStyle, shippedStyles, type CitationSettings} from '../citations/style.js'
import type {Reader} from './read.js'

export async function citationSettings(
  data: {brackets?: boolean; pandoc?: boolean; style?: string},
  file: VFile,
  stylePlace: Position,
  reader: Reader
): Promise<CitationSettings | undefined> {
  const name = data.style ?? defaultStyle
  let style = namedStyle(name)
  if (!style) {
    if (!name.toLowerCase().endsWith('.csl')) {
      fail(
        file,
        `Unknown citation style \`${name}\`: expected one of ${Object.keys(shippedStyles)
          .map((known) => `\`${known}\``)
          .join(', ')}, or a \`.csl\` file of the corpus`,
        stylePlace,
        'field-invalid'
      )
      return undefined
    }
    const result = await reader.read(resolve(reader.root, name), name)
    if (result.problem) {
      fail(file, `Citation style ${result.problem.reason}`, stylePlace, result.problem.ruleId)
      return undefined
    }
    try {
      style = fromXml(result.value)
    } catch (error) {
      fail(file, `Citation style \`${name}\`: ${error instanceof Error ? error.message : String(error)}`, stylePlace, 'field-invalid')
      return undefined
    }
  }
  const settings: CitationSettings = {brackets: data.brackets ?? false, style}
  if (data.pandoc !== undefined) settings.pandoc = data.pandoc
  return settings
}
