/**
 * Every page is valid HTML by html-validate's recommended rules
 * (see helpers/validate.ts for the two adjusted, and why).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toHtml} from '@samizdat/html'
import {realEdition, realEditionMissing} from './helpers/corpus.js'
import {fixtureEdition} from './helpers/edition.js'
import {validate} from './helpers/validate.js'
import {siteOf, type Site} from './helpers/site.js'

async function messages(site: Site): Promise<string[]> {
  const pages = site.files.filter((f) => f.path.endsWith('.html'))
  assert.ok(pages.length > 1)
  return (await Promise.all(pages.map((f) => validate(f.path, f.contents)))).flat()
}

test('the validator is awake: it reports a broken page', async () => {
  const broken = await validate('broken.html', '<!DOCTYPE html><html><head><title>x</title></head><body><p id="a"><div id="a"></p></body></html>')
  assert.ok(
    broken.some((m) => m.includes('[no-dup-id]')),
    broken.join('\n')
  )
  assert.ok(
    broken.some((m) => m.includes('[element-required-attributes]')),
    broken.join('\n')
  )
})

test('fixture edition: no messages on any page', async () => {
  assert.deepEqual(await messages(await siteOf(toHtml(await fixtureEdition()))), [])
})

test('reader edition workers-opposition: no messages on any page', {skip: realEditionMissing()}, async () => {
  assert.deepEqual(await messages(await siteOf(toHtml(await realEdition()))), [])
})
