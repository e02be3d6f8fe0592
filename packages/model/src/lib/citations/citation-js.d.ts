// citation-js ships no types; the part the model uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: {forceType?: string})
    data: Array<Record<string, unknown>>
    format(kind: 'bibliography', options: {format: 'html' | 'text'; template: string; lang: string; asEntryArray: true}): unknown
  }
  export const plugins: {
    config: {get(name: string): unknown}
    input: {chain(data: unknown, options?: {forceType?: string; generateGraph?: boolean}): unknown}
  }
}
declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
