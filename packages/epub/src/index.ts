// The public surface of @samizdat/epub. Code lives in lib/; nothing else is exported.
export {toEpub} from './lib/to-epub.js'
export {bookIdentifier} from './lib/identifier.js'
export type {EpubLabels, EpubOptions} from './lib/types.js'
