import {readFileSync} from 'node:fs'

/** The package's version; `../../package.json` holds from both `src/lib/` and `dist/lib/`. */
export const version: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
