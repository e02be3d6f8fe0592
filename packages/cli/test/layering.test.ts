import assert from 'node:assert/strict'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'

// The package layering of the monorepo, enforced on every import of every source file.
const packagesDir = fileURLToPath(new URL('../../', import.meta.url))
const allowed: Record<string, string[]> = {
  model: [],
  html: ['model'],
  epub: ['model', 'html'],
  pdf: ['model'],
  cli: ['model', 'html', 'epub', 'pdf']
}
/** Only the CLI writes files; adapters return bytes. */
const mayWrite = new Set(['cli'])

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true})
  const files = await Promise.all(entries.map((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(full) : Promise.resolve(/\.ts$/.test(entry.name) ? [full] : [])
  }))
  return files.flat()
}

test('packages import only the packages below them, and only the CLI writes files', async () => {
  const problems: string[] = []
  for (const name of await readdir(packagesDir)) {
    const rules = allowed[name]
    if (!rules) {
      problems.push(`packages/${name}: not in the layering table`)
      continue
    }
    for (const file of await sources(path.join(packagesDir, name, 'src'))) {
      const code = await readFile(file, 'utf8')
      for (const match of code.matchAll(/(?:from|import)\s*\(?\s*'(@samizdat\/([a-z]+)|node:fs[^']*)'/g)) {
        const where = path.relative(packagesDir, file)
        if (match[2] && match[2] !== name && !rules.includes(match[2])) problems.push(`${where} imports @samizdat/${match[2]}`)
        if (match[1]?.startsWith('node:fs') && !mayWrite.has(name) && /\b(writeFile|mkdir|rename|rm|appendFile|createWriteStream)\b/.test(code)) {
          problems.push(`${where} writes to the file system`)
        }
      }
    }
  }
  assert.deepEqual(problems, [])
})
