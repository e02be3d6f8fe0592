// The public surface of @samizdat/pdf. Code lives in lib/; nothing else is exported.
export {toPdf} from './lib/to-pdf.js'
export type {PdfOptions} from './lib/options.js'
export {papers, type Paper} from './lib/geometry.js'
export type {Labels} from './lib/labels.js'
export {toBooklet, type BookletOptions} from './lib/booklet.js'
