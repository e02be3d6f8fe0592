// citation-js ships no types; the part the model uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown)
    format(kind: 'bibliography', options: {format: 'html' | 'text'; template: string; lang: string; asEntryArray: true}): unknown
  }
}
declare module '@citation-js/plugin-csl'
