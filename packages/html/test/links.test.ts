/** Every link inside the site lands on a page that exists and an id on it. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toHtml} from '@samizdat/html'
import {realEdition, realEditionMissing} from './helpers/corpus.js'
import {fixtureEdition} from './helpers/edition.js'
import {siteOf, type Site} from './helpers/site.js'

function brokenLinks(site: Site): {checked: number; broken: string[]} {
  const pages = new Map(site.files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.contents]))
  const ids = new Map([...pages].map(([path, html]) => [path, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))]))
  const broken: string[] = []
  let checked = 0
  for (const [path, html] of pages) {
    for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
      if (href === undefined || /^[a-z]+:/i.test(href) || href === 'style.css') continue
      checked++
      const [file, fragment] = href.split('#') as [string, string | undefined]
      const page = file === '' ? path : file
      if (!pages.has(page)) broken.push(`${path}: ${href} (no page)`)
      else if (fragment !== undefined && !ids.get(page)?.has(fragment)) broken.push(`${path}: ${href} (no id)`)
    }
  }
  return {checked, broken}
}

test('fixture edition: internal links resolve', async () => {
  const {checked, broken} = brokenLinks(await siteOf(toHtml(await fixtureEdition())))
  assert.ok(checked > 20, `only ${checked} links checked`)
  assert.deepEqual(broken, [])
})

test('reader edition workers-opposition: internal links resolve', {skip: realEditionMissing()}, async () => {
  const {checked, broken} = brokenLinks(await siteOf(toHtml(await realEdition())))
  assert.ok(checked > 50, `only ${checked} links checked`)
  assert.deepEqual(broken, [])
})
