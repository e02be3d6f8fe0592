/** linebreak (UAX #14, the one pdfkit uses) ships no types: the calls this package makes. */
declare module 'linebreak' {
  interface Break {
    position: number
    required: boolean
  }
  export default class LineBreaker {
    constructor(text: string)
    nextBreak(): Break | null
  }
}
