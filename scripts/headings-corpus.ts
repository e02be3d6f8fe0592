/**
 * A generated corpus for testing what a page may end with: headings of every
 * level, bylines and titles at every position near a page's foot. Nobody
 * here wrote it; deterministic (a seeded generator). Before each heading the
 * text grows by one short sentence, so across the corpus a heading lands on
 * every line of the page (A5, A4, Letter); after it comes what a heading
 * can be followed by: a one-line paragraph, a longer one, a list, a
 * quotation, another heading. Works have authors (bylines on their openings
 * and in the contents), so the contents runs over pages of titles and bylines.
 */
import {random} from './notes-corpus.js'

const syllables = ['mar', 'to', 'len', 'si', 'gar', 'vo', 'pe', 'dun', 'ka', 'ri', 'sel', 'o', 'bra', 'tem', 'nu', 'fi']
const authors = ['Irena Dovlatova', 'Pavel Korsh', 'Marta Lind', 'Oskar Vey', 'Nadia Sorel']

export function headingsCorpus(seed = 7, works = 14): Record<string, string> {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const word = (): string => Array.from({length: 1 + Math.floor(next() * 3)}, () => pick(syllables)).join('')
  const words = (count: number): string => Array.from({length: count}, word).join(' ')
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
  const sentence = (): string => `${capital(words(5 + Math.floor(next() * 8)))}.`
  const sentences = (count: number): string => Array.from({length: count}, sentence).join(' ')
  const followers: Array<() => string> = [
    () => `${capital(words(4))}.`,
    () => sentences(2),
    () => sentences(6),
    () => Array.from({length: 3}, () => `- ${capital(words(3 + Math.floor(next() * 10)))}.`).join('\n'),
    () => `> ${sentences(2)}`,
    () => `### ${capital(words(2))}\n\n${sentences(3)}`
  ]

  const files: Record<string, string> = {}
  let grown = 0
  for (let work = 1; work <= works; work++) {
    const by = [pick(authors), ...(next() < 0.3 ? [pick(authors)] : [])]
    const body: string[] = [
      '---',
      `title: "${capital(words(2 + Math.floor(next() * 6)))}"`,
      `authors: [${[...new Set(by)].map((name) => `"${name}"`).join(', ')}]`,
      '---',
      '',
      sentences(3),
      ''
    ]
    for (let section = 0; section < 12; section++) {
      grown++
      // The text before the heading grows by a sentence each time: headings land on every line of a page.
      body.push(sentences(1 + (grown % 9)), '')
      const level = 2 + (section % 3)
      body.push(`${'#'.repeat(level)} ${capital(words(1 + Math.floor(next() * (level === 2 ? 9 : 4))))}`, '')
      body.push((followers[(grown + work) % followers.length] as () => string)(), '')
    }
    files[`work-${String(work).padStart(2, '0')}.md`] = body.join('\n')
  }
  return files
}
