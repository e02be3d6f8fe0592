/** Load `sources/manifest.yaml`: the verbatim sources and their declared chrome. */
import type {VFile} from 'vfile'
import type {ChromeRule, SourceEntry} from '../types.js'
import {manifestSchema, validate} from './schema.js'
import {parseYaml} from './yaml.js'

interface ManifestData {
  sources: Array<Omit<SourceEntry, 'format' | 'chrome' | 'position' | 'filePosition'> & {format?: SourceEntry['format']; chrome?: ChromeRule[]}>
}

export function loadManifest(file: VFile): SourceEntry[] {
  const yaml = parseYaml(file, String(file.value))
  if (yaml.value === undefined || !validate(file, yaml, manifestSchema, 'source manifest')) return []
  const data = yaml.value as ManifestData
  return data.sources.map((entry, index) => ({
    ...entry,
    format: entry.format ?? 'text',
    chrome: (entry.chrome ?? []).map((rule, ruleIndex) => ({...rule, position: yaml.locate(['sources', index, 'chrome', ruleIndex])})),
    position: yaml.locate(['sources', index]),
    filePosition: yaml.locate(['sources', index, 'file'])
  }))
}
