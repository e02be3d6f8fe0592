/** Load `sources/manifest.yaml`: the verbatim sources and their declared chrome. */
import type {VFile} from 'vfile'
import type {SourceEntry} from '../types.js'
import {validateManifest} from './validate.js'
import {parseYaml} from './yaml.js'

export function loadManifest(file: VFile): SourceEntry[] {
  const yaml = parseYaml(file, String(file.value))
  const data = yaml.value === undefined ? undefined : validateManifest(file, yaml, 'source manifest')
  if (!data) return []
  return data.sources.map((entry, index) => ({
    ...entry,
    format: entry.format ?? 'text',
    chrome: (entry.chrome ?? []).map((rule, ruleIndex) => ({...rule, position: yaml.locate(['sources', index, 'chrome', ruleIndex])})),
    position: yaml.locate(['sources', index]),
    filePosition: yaml.locate(['sources', index, 'file'])
  }))
}
