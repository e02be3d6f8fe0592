/**
 * An edition's `citations` setting: `brackets` (FAQ-style bracket citations,
 * off by default), `pandoc` (Pandoc's `[@key]`, on by default when the corpus
 * has a bibliography), `style`: a style's name, or a `.csl` file of the
 * corpus (its path relative to the corpus folder, read through the sandbox),
 * and `bibliographyStyle`: the same, for the list of the bibliography alone
 * (absent: `style`).
 */
import {resolve} from 'node:path'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import {defaultStyle, fromXml, namedStyle, shippedStyles, type CitationSettings, type CslStyle} from '../citations/style.js'
import type {Reader} from './read.js'

export async function citationSettings(
  data: {brackets?: boolean; pandoc?: boolean; style?: string; bibliographyStyle?: string},
  file: VFile,
  place: (key: 'style' | 'bibliographyStyle') => Position,
  reader: Reader
): Promise<CitationSettings | undefined> {
  const style = await loadStyle(data.style ?? defaultStyle, file, place('style'), reader)
  if (!style) return undefined
  const settings: CitationSettings = {brackets: data.brackets ?? false, style}
  if (data.bibliographyStyle !== undefined) {
    const list = await loadStyle(data.bibliographyStyle, file, place('bibliographyStyle'), reader)
    if (!list) return undefined
    settings.bibliographyStyle = list
  }
  if (data.pandoc !== undefined) settings.pandoc = data.pandoc
  return settings
}

/** A style by its name, or read from a `.csl` file of the corpus; undefined (and a message) when it is neither. */
async function loadStyle(name: string, file: VFile, stylePlace: Position, reader: Reader): Promise<CslStyle | undefined> {
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
  return style
}
