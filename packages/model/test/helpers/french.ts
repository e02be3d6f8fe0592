/**
 * A small edition in French, written for these tests: three authors, a note,
 * a person, a dated event and a preface with no title of its own. Each
 * output's tests build it and look for the French words.
 */
import {loadCorpus, resolveEdition, type ResolvedEdition, type ResolveOptions} from '@samizdat/model'
import {scratch, writeTree} from './corpus.js'

export const frenchCorpus: Record<string, string> = {
  'editions/recueil.yaml': ['id: recueil', 'title: Trois voix', 'language: fr', 'editors: [Jeanne Leroy]', 'preface: preface.md', 'works: [lettre]', ''].join(
    '\n'
  ),
  'editions/preface.md': 'Pourquoi cette édition.\n',
  'works/lettre.md': [
    '---',
    'title: Une lettre',
    'language: fr',
    'authors: [Anne Dupont, Bernard Martin, Claire Petit]',
    '---',
    '',
    'Le congrès de mars se tint à Moscou, et Rosa y parla.',
    ''
  ].join('\n'),
  'annotations/lettre.yaml': 'annotations:\n  - {id: n1, kind: note, work: lettre, quote: {exact: "Moscou"}, body: "La capitale depuis peu."}\n',
  'persons.yaml': 'persons:\n  - {id: rosa, name: Rosa, sortAs: Rosa, variants: [Rosa]}\n',
  'timeline.yaml': 'events:\n  - {date: "1918-03-06", label: Le congrès, mentions: [{work: lettre, quote: {exact: "Le congrès de mars"}}]}\n'
}

/** The French edition, resolved (a fresh temp folder, removed before returning). */
export async function frenchEdition(options: ResolveOptions = {}, files: Record<string, string> = {}): Promise<ResolvedEdition> {
  const {dir, cleanup} = await scratch('french')
  try {
    await writeTree(dir, {...frenchCorpus, ...files})
    const corpus = await loadCorpus(dir)
    const problems = corpus.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`))
    if (problems.length > 0) throw new Error(problems.join('\n'))
    return resolveEdition(corpus, 'recueil', options)
  } finally {
    await cleanup()
  }
}
