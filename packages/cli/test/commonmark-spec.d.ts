// npm `commonmark-spec` ships no types: the spec's text and its examples, in order.
declare module 'commonmark-spec' {
  export const text: string
  export const tests: Array<{markdown: string; html: string; section: string; number: number}>
}
