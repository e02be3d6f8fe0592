/**
 * One fast-check run of the pipeline property, shared by the test and by
 * `pnpm fuzz`: how many cases were tried, and on failure the seed, the
 * replay path and the shrunk counterexample, written out as a corpus folder
 * (build it with `pnpm samizdat build --corpus <folder>`) and as JSON.
 */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {caseArb, profiles, type Case} from './arbitraries.js'
import {checkCase, show, writeCorpus, type Artifacts, type Stage} from './check.js'
import {renderCase} from './render.js'

export interface FuzzOptions {
  /** A key of `profiles`. */
  profile: string
  seed: number
  runs: number
  /** fast-check's replay path of a failure (`--path` printed by an earlier run). */
  path?: string | undefined
  stages: readonly Stage[]
  /** Folder the counterexample is written into. */
  out: string
  /** Called with each passing case's EPUBs and PDFs (for the validator samples). */
  onArtifacts?: ((artifacts: Artifacts, index: number) => void) | undefined
}

export interface FuzzResult {
  tried: number
  shrinks: number
  failed: boolean
  /** A report for people: counts, and on failure the seed, path, error and where the counterexample is. */
  report: string
  counterexample?: Case
  /** Folder holding `case.json`, `error.txt` and the corpus. */
  written?: string
}

export function profileOf(name: string): (typeof profiles)[string] {
  const profile = profiles[name]
  if (!profile) throw new Error(`Unknown profile "${name}": expected one of ${Object.keys(profiles).join(', ')}`)
  return profile
}

/** The command that replays one case of a run. */
export function replayCommand(options: Pick<FuzzOptions, 'profile' | 'seed' | 'stages'>, replayPath: string): string {
  return `pnpm fuzz --profile ${options.profile} --seed ${options.seed} --path ${replayPath} --stages ${options.stages.join(',')}`
}

export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  let index = 0
  const property = fc.asyncProperty(caseArb(profileOf(options.profile)), async (input) => {
    const artifacts = await checkCase(input, options.stages)
    options.onArtifacts?.(artifacts, index++)
  })
  const details = await fc.check(property, {seed: options.seed, numRuns: options.runs, ...(options.path ? {path: options.path} : {})})
  return report(details, options)
}

/** Say what a run did; write a failure's shrunk counterexample under `options.out`. */
async function report(details: fc.RunDetails<[Case]>, options: FuzzOptions): Promise<FuzzResult> {
  const tried = details.numRuns
  const head = `fuzz: profile ${options.profile}, seed ${options.seed}: tried ${tried} case${tried === 1 ? '' : 's'}`
  if (!details.failed) return {tried, shrinks: 0, failed: false, report: `${head}, all passed`}

  const counterexample = details.counterexample?.[0]
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  const replay = details.counterexamplePath ?? ''
  const lines = [
    `${head}; FAILED after ${details.numShrinks} shrinks`,
    `seed: ${details.seed}`,
    `path: ${replay}`,
    `replay: ${replayCommand(options, replay)}`,
    `error: ${error}`
  ]
  let written: string | undefined
  if (counterexample) {
    written = path.join(options.out, `fuzz-${options.profile}-${details.seed}`)
    await rm(written, {recursive: true, force: true})
    await mkdir(written, {recursive: true})
    const rendered = renderCase(counterexample)
    const corpus = await writeCorpus(rendered, counterexample, path.join(written, 'corpus'))
    await writeFile(path.join(written, 'case.json'), JSON.stringify(counterexample, null, 2) + '\n')
    await writeFile(path.join(written, 'error.txt'), lines.join('\n') + '\n')
    lines.push(`counterexample: ${path.join(written, 'case.json')}`, `corpus: ${corpus}`)
    for (const [name, text] of Object.entries(rendered.files)) lines.push(`--- ${name}`, show(text))
  }
  return {
    tried,
    shrinks: details.numShrinks,
    failed: true,
    report: lines.join('\n'),
    ...(counterexample ? {counterexample} : {}),
    ...(written ? {written} : {})
  }
}

/** A failure's class: its message without the parts that vary (quoted text, numbers, page and edition names). */
export function failureClass(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/"(?:\\.|[^"\\])*"/g, '"…"')
    .replace(/ \(and \d+ more\)/, '')
    .replace(/^message on .*?(?=(?:works|editions|annotations)\/|[^/]*: )/, 'message on …/')
    .replace(/\((?:[^()]*)\) threw/g, '() threw')
    .replace(/(?:site page|EPUB) \S+/g, (found) => found.replace(/ .*/, ' …'))
    .replace(/U\+[0-9A-F]{4,6}/g, 'U+…')
    .replace(/\d+/g, 'N')
    .slice(0, 200)
}

/** The stage a failure message comes from; undefined for the model's own. */
function stageOf(message: string): Stage | undefined {
  if (/^site |^the site|^toHtml/.test(message)) return 'html'
  if (/^EPUB |^the EPUB|^toEpub/.test(message)) return 'epub'
  if (/^the PDF|^toPdf/.test(message)) return 'pdf'
  if (/^the apparatus JSON|^toApparatusJson/.test(message)) return 'json'
  return undefined
}

export interface ExploreResult {
  tried: number
  report: string
  classes: Array<{name: string; count: number; result: FuzzResult}>
}

/**
 * Look for every kind of failure, not just the first: run `runs` cases
 * without stopping, group the failures by class, then shrink one case of
 * each class (a property that fails only on that class, so shrinking stays in it).
 */
export async function explore(options: FuzzOptions): Promise<ExploreResult> {
  const profile = profileOf(options.profile)
  const cases = fc.sample(caseArb(profile), {seed: options.seed, numRuns: options.runs})
  const classes = new Map<string, {count: number; first: number}>()
  for (const [index, input] of cases.entries()) {
    try {
      await checkCase(input, options.stages)
    } catch (error) {
      const name = failureClass(error instanceof Error ? error.message : String(error))
      const found = classes.get(name)
      if (found) found.count++
      else classes.set(name, {count: 1, first: index})
    }
  }
  const results: ExploreResult['classes'] = []
  for (const [name, {count, first}] of classes) {
    // Shrinking reruns the case many times: only the stage that failed (the model runs anyway).
    const stages = options.stages.filter((stage) => stage === stageOf(name))
    const property = fc.asyncProperty(caseArb(profile), async (input) => {
      try {
        await checkCase(input, stages)
      } catch (error) {
        if (failureClass(error instanceof Error ? error.message : String(error)) === name) throw error
      }
    })
    const details = await fc.check(property, {seed: options.seed, numRuns: 1, path: String(first)})
    const result = await report(details, {...options, stages, out: path.join(options.out, `class-${results.length + 1}`)})
    results.push({name, count, result})
  }
  const lines = [
    `explore: profile ${options.profile}, seed ${options.seed}: tried ${cases.length} cases, ${classes.size} failure class${classes.size === 1 ? '' : 'es'}`
  ]
  for (const [index, {name, count, result}] of results.entries()) lines.push('', `== class ${index + 1} (${count} of ${cases.length}): ${name}`, result.report)
  return {tried: cases.length, report: lines.join('\n'), classes: results}
}
