/**
 * A generated corpus for testing notes on the printed page: nobody here wrote
 * it, and nothing in it is tuned to the reader edition. Deterministic (a
 * seeded generator): long notes, notes of a few lines, paragraphs that call
 * many notes, notes in headings after a number, notes after closing quotes
 * and punctuation, names with initials and "Op. Cit." in running text and notes.
 */

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

const syllables = ['ta', 'ver', 'lo', 'min', 'sa', 'rek', 'pol', 'da', 'ni', 'cor', 'vel', 'um', 'ter', 'a', 'sin', 'gro', 'he', 'bal']
const names = ['G. T. Miasnikov', 'A. M. Kollontai', 'V. I. Lenin', 'N. I. Bukharin', 'E. H. Carr']

export function notesCorpus(seed = 12): Record<string, string> {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const word = (): string => Array.from({length: 1 + Math.floor(next() * 3)}, () => pick(syllables)).join('')
  const sentence = (): string => {
    const words = Array.from({length: 6 + Math.floor(next() * 12)}, word)
    if (next() < 0.15) words.splice(2, 0, pick(names))
    const text = words.join(' ')
    return text.charAt(0).toUpperCase() + text.slice(1) + '.'
  }
  const sentences = (count: number): string => Array.from({length: count}, sentence).join(' ')

  const files: Record<string, string> = {}
  for (let part = 1; part <= 3; part++) {
    const notes: string[] = []
    let count = 0
    const note = (sentencesInNote: number): string => {
      count++
      const id = `n${count}`
      const extra = next() < 0.3 ? ` Op. Cit., p. ${1 + Math.floor(next() * 300)}.` : ''
      notes.push(`[^${id}]: ${sentences(sentencesInNote)}${extra}`)
      return `[^${id}]`
    }
    const body: string[] = [`# Part ${part}: ${word()} ${word()}`, '']
    for (let section = 1; section <= 4; section++) {
      // A note in a heading, after a number, as in "Appeal of the 22".
      body.push(`## Appeal of the ${20 + section + part}${note(1 + Math.floor(next() * 3))}`, '')
      for (let paragraph = 0; paragraph < 6; paragraph++) {
        const parts: string[] = []
        for (let index = 0; index < 3 + Math.floor(next() * 5); index++) {
          let text = sentence()
          const roll = next()
          // Long notes (a page and more), many short ones, and notes after closing quotes.
          if (roll < 0.04) text += note(10 + Math.floor(next() * 12))
          else if (roll < 0.3) text += note(1 + Math.floor(next() * 4))
          else if (roll < 0.5) text = `“${text.slice(0, -1)},”${note(2)} ${word()} said.`
          parts.push(text)
        }
        body.push(parts.join(' '), '')
      }
    }
    files[`part-${part}.md`] = [...body, ...notes, ''].join('\n')
  }
  return files
}
