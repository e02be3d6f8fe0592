/// <reference lib="dom" />
/**
 * The pages in a real browser: axe-core finds no serious or critical
 * violation (light and dark), nothing overflows a phone screen, and
 * screenshots land in `test-output/` for a human to look at.
 */
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {blocksOf, type ResolvedEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {axeSource, ensureOutputDir, findChromium, launch, outputDir, serve} from './helpers/browser.js'
import {realEdition, realEditionMissing} from './helpers/corpus.js'
import {fixtureEdition} from './helpers/edition.js'
import {siteOf} from './helpers/site.js'

const executable = findChromium()
const missing = 'Chromium not found (install Debian’s chromium, or set CHROMIUM)'

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{target: unknown[]}>
}

/** axe's violations on the page as it is now (axe injected once per page load: `injectAxe`). */
async function axe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const result = await (globalThis as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<{violations: AxeViolation[]}>}}).axe.run(
      document,
      {resultTypes: ['violations']}
    )
    return result.violations
  })
}

function injectAxe(page: Page): Promise<unknown> {
  return page.addScriptTag({content: axeSource})
}

/** Two animation frames: the page has laid itself out again, and its own scripts (sidenotes.js) have answered. */
function settled(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

function serious(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

if (executable === undefined) {
  // On CI a missing browser is a broken environment, not a reason to pass.
  if (process.env['CI'] === 'true') test('browser checks', () => assert.fail(missing))
  else test('browser checks', {skip: missing + ': skipped locally'}, () => {})
} else {
  let browser: Browser
  before(async () => {
    browser = await launch(executable)
    await ensureOutputDir()
  })
  after(() => browser?.close())

  test('axe is awake: it reports an image without a text alternative', async () => {
    const page = await browser.newPage()
    await page.setContent('<!DOCTYPE html><html lang="en"><title>x</title><main><img src="data:,"></main></html>')
    await injectAxe(page)
    const found = serious(await axe(page))
    await page.close()
    assert.ok(
      found.some((line) => line.startsWith('critical image-alt')),
      found.join('\n')
    )
  })

  const sites: Array<{
    name: string
    edition: () => Promise<ResolvedEdition>
    shots: string[]
    notesPage: string
    searchWord: string
    skip?: string | undefined
  }> = [
    {
      name: 'fixture',
      edition: fixtureEdition,
      shots: ['index.html', 'alpha.html', 'corrections.html', 'search.html'],
      notesPage: 'alpha.html',
      searchWord: 'pasture'
    },
    {
      name: 'workers-opposition',
      edition: realEdition,
      shots: [
        'index.html',
        'kollontai-workers-opposition.html',
        'solidarity-introduction.html',
        'afaq-oppositions.html',
        'bibliography.html',
        'index-of-persons.html',
        'search.html'
      ],
      // The FAQ: 43,654 px tall at 375 px, its notes at the foot from 37,836 px down, before they were set beside the text.
      notesPage: 'afaq-oppositions.html',
      searchWord: 'Kronstadt',
      skip: realEditionMissing()
    }
  ]

  for (const {name, edition: load, shots, notesPage, searchWord, skip} of sites) {
    describe(name, {skip}, () => {
      let server: Awaited<ReturnType<typeof serve>>
      let pages: string[]
      let edition: ResolvedEdition
      let corrected: {path: string; id: string; sic: string}
      before(async () => {
        edition = await load()
        const site = await siteOf(toHtml(edition))
        pages = site.files.map((f) => f.path).filter((path) => path.endsWith('.html'))
        server = await serve(site)
        const correction = edition.apparatus.annotations.find((a) => a.kind === 'correction')
        const work = edition.works.find((w) => w.meta.id === correction?.work)
        assert.ok(correction && work, 'a correction to look at')
        corrected = {path: work.id + '.html', id: correction.anchorId, sic: correction.quote.exact}
      })

      test('corrections: the source’s reading shows on hover and with the switch, with scripts off', async () => {
        const context = await browser.newContext({javaScriptEnabled: false, viewport: {width: 1280, height: 900}})
        const page = await context.newPage()
        await page.goto(server.url + corrected.path)
        const sic = page.locator(`[id="${corrected.id}"] > .sic`)
        // Hidden: out of the text for eyes and screen readers alike.
        assert.equal(await sic.isVisible(), false)
        await page.locator(`[id="${corrected.id}"]`).hover()
        assert.equal(await sic.isVisible(), true)
        assert.equal((await sic.innerText()).replace(/\s+/g, ' ').trim(), 'Source: ' + corrected.sic.replace(/\s+/g, ' ').trim())
        await page.mouse.move(0, 0)
        assert.equal(await sic.isVisible(), false)
        // The switch shows every source reading in the line, its label then only for screen readers.
        await page.locator('label[for="sic.switch"]').click()
        assert.equal(await page.locator('[id="sic.switch"]').isChecked(), true)
        assert.equal(await sic.isVisible(), true)
        const hidden = await page.locator('.sic:not(:visible)').count()
        assert.equal(hidden, 0, `${hidden} source readings still hidden`)
        assert.ok((await page.locator('main').innerText()).includes(corrected.sic.trim()))
        await context.close()
      })

      test('every block of the model’s text is shown, in order', async () => {
        const {texts} = await visited()
        const missing: string[] = []
        let checked = 0
        const parts = [
          ...(edition.preface ? [{path: 'index.html', tree: edition.preface.tree}] : []),
          ...edition.works.map((work) => ({path: work.id + '.html', tree: work.tree}))
        ]
        for (const {path, tree} of parts) {
          const shown = (texts.get(path) ?? '').replace(/\s+/g, ' ')
          let from = 0
          for (const block of blocksOf(tree)) {
            checked++
            const at = shown.indexOf(block.text, from)
            if (at === -1) missing.push(`${path}: ${block.type} “${block.text.slice(0, 60)}”`)
            else from = at + block.text.length
          }
        }
        assert.ok(checked > 15, `only ${checked} blocks checked`)
        assert.deepEqual(missing, [])
      })
      after(() => server?.close())

      /**
       * Every page visited once for what axe, the 375px check and the text check look at: loaded at 1280px in
       * light, its main text read (note marks hidden: they sit inside the text the model gives without them), axe run, then
       * the same page in dark, then at 375px in light (the colour scheme and the width switched in place, as a
       * reader's system or phone does; the page's script places the notes again on a resize). A page load and
       * axe's injection cost more than a run of axe; the three fresh loads each configuration had gave the same.
       */
      let visits: Promise<{axe: Map<string, string[]>; overflowing: string[]; texts: Map<string, string>}> | undefined
      const configurations = [
        ['light', 1280],
        ['dark', 1280],
        ['light', 375]
      ] as const
      function visited(): Promise<{axe: Map<string, string[]>; overflowing: string[]; texts: Map<string, string>}> {
        visits ??= (async () => {
          const found = new Map(configurations.map(([scheme, width]) => [`${scheme}, ${width}px`, [] as string[]]))
          const overflowing: string[] = []
          const texts = new Map<string, string>()
          const context = await browser.newContext({colorScheme: 'light', viewport: {width: 1280, height: 900}})
          const page = await context.newPage()
          for (const path of pages) {
            await page.emulateMedia({colorScheme: 'light'})
            await page.setViewportSize({width: 1280, height: 900})
            await page.goto(server.url + path)
            texts.set(
              path,
              await page.evaluate(() => {
                const style = document.head.appendChild(document.createElement('style'))
                style.textContent = '.noteref { display: none !important; }'
                const text = (document.querySelector('main') as HTMLElement).innerText
                style.remove()
                return text
              })
            )
            await injectAxe(page)
            for (const [scheme, width] of configurations) {
              await page.emulateMedia({colorScheme: scheme})
              await page.setViewportSize({width, height: 900})
              await settled(page)
              const now = await page.evaluate(() => ({dark: window.matchMedia('(prefers-color-scheme: dark)').matches, width: window.innerWidth}))
              assert.deepEqual(now, {dark: scheme === 'dark', width}, `${path}: the page is not in ${scheme} at ${width}px`)
              found.get(`${scheme}, ${width}px`)?.push(...serious(await axe(page)).map((p) => `${path}: ${p}`))
              if (width !== 375) continue
              const {scrollWidth, innerWidth} = await page.evaluate(() => ({
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth
              }))
              if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth}px > ${innerWidth}px`)
            }
          }
          await context.close()
          return {axe: found, overflowing, texts}
        })()
        return visits
      }

      for (const [scheme, width] of configurations) {
        test(`axe: no serious or critical violations (${scheme}, ${width}px)`, async () => {
          assert.deepEqual((await visited()).axe.get(`${scheme}, ${width}px`), [])
        })
      }

      test('notes: in the margin beside their marks at 1280px, scripts on or off; under their paragraph at 375px', async () => {
        const path = notesPage
        const layouts: string[] = []
        for (const [width, javaScriptEnabled] of [
          [1280, true],
          [1280, false],
          [375, true]
        ] as const) {
          const context = await browser.newContext({javaScriptEnabled, viewport: {width, height: 900}})
          const page = await context.newPage()
          await page.goto(server.url + path)
          if (javaScriptEnabled) await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(resolve))))
          const notes = await page.evaluate(() =>
            Array.from(document.querySelectorAll('aside.sidenote')).map((note) => {
              const mark = document.querySelector(`a.noteref[href="#${CSS.escape(note.id)}"]`)!
              // The note follows the block that holds its mark, after any other notes placed there.
              let before = note.previousElementSibling
              while (before?.matches('aside.sidenote')) before = before.previousElementSibling
              const box = note.getBoundingClientRect()
              const at = mark.getBoundingClientRect()
              const text = mark.closest('p, li, blockquote, td, dd')!.getBoundingClientRect()
              return {
                id: note.id,
                follows: before?.contains(mark) ?? false,
                top: box.top + scrollY,
                bottom: box.bottom + scrollY,
                left: box.left,
                right: box.right,
                mark: at.top + scrollY,
                textRight: text.right
              }
            })
          )
          await context.close()
          assert.ok(notes.length >= 2, `${path}: ${notes.length} notes`)
          assert.deepEqual(
            notes.filter((note) => !note.follows).map((note) => note.id),
            [],
            `${path}: notes after their mark's block`
          )
          if (width === 375) {
            // Inline: within the screen, a short way down from the mark, not at the foot of the page.
            for (const note of notes) {
              assert.ok(note.left >= 0 && note.right <= 375, `${note.id} is on the screen`)
              assert.ok(note.top > note.mark, `${note.id} is below its mark`)
            }
            continue
          }
          for (const [index, note] of notes.entries()) {
            assert.ok(note.left >= note.textRight, `${note.id}: in the margin (${note.left} < ${note.textRight})`)
            assert.ok(note.right <= width, `${note.id}: on the screen`)
            const previous = notes[index - 1]
            if (previous) assert.ok(note.top >= previous.bottom, `${note.id} overlaps ${previous.id}`)
            // With the script, a note starts on its mark's line unless the note before it is still running.
            if (javaScriptEnabled) {
              const expected = Math.max(note.mark, previous ? previous.bottom : -Infinity)
              assert.ok(Math.abs(note.top - expected) <= 14, `${note.id}: at ${note.top}, its mark at ${note.mark}`)
            }
          }
          layouts.push(`${width}${javaScriptEnabled ? '' : ' without scripts'}`)
        }
        assert.deepEqual(layouts, ['1280', '1280 without scripts'])
      })

      test('search: built with the site, it finds a word of the text from file:// too, and links to its passage', async () => {
        const context = await browser.newContext({viewport: {width: 1280, height: 900}})
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        await page.goto(pathToFileURL(join(server.dir, 'search.html')).href + '?q=' + encodeURIComponent(searchWord))
        await page.locator('.search-results li').first().waitFor()
        assert.match((await page.locator('.search-status').innerText()).trim(), /^Passages found: \d+$/)
        const href = await page.locator('.search-results li a').first().getAttribute('href')
        await page.locator('.search-results li a').first().click()
        await page.waitForURL(/\.html/)
        assert.ok((await page.locator('main').innerText()).toLowerCase().includes(searchWord.toLowerCase()), `${href} has “${searchWord}”`)
        // Typing searches as well; a word that is nowhere finds nothing, and says so.
        await page.goto(pathToFileURL(join(server.dir, 'search.html')).href)
        await page.locator('#search\\.q').fill('zzxqvw')
        assert.equal((await page.locator('.search-status').innerText()).trim(), 'Nothing found.')
        assert.deepEqual(errors, [])
        await context.close()
      })

      test('375px: no horizontal overflow on any page', async () => {
        assert.deepEqual((await visited()).overflowing, [])
      })

      test('screenshots at 375px and 1280px', async () => {
        for (const width of [375, 1280]) {
          const context = await browser.newContext({viewport: {width, height: 900}})
          const page = await context.newPage()
          for (const path of shots) {
            await page.goto(server.url + path)
            // The stylesheet applied: the measure keeps the text narrow on a wide screen (the notes' column beside it).
            const textWidth = await page.evaluate(() => document.querySelector('main h1')!.getBoundingClientRect().width)
            assert.ok(textWidth <= Math.min(width, 800), `${path} at ${width}px: the text is ${textWidth}px wide`)
            const file = fileURLToPath(new URL(`${name}-${path.replace(/\.html$/, '')}-${width}.png`, outputDir))
            // The reader edition's first screen only: its pages are up to 44,000 px tall at 375 px, and drawing them
            // whole took three times as long as this, for pictures no assertion reads (`pnpm screenshots:reader` makes
            // the README's). The fixture's short pages whole.
            await page.screenshot({path: file, fullPage: name === 'fixture'})
          }
          await context.close()
        }
      })
    })
  }
}
