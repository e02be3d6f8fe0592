// A light entry of @samizdat/model (`@samizdat/model/errors`): the error classes and the message helper the CLI
// needs before any build, without loading the parser, the schemas or the citation library (`samizdat --help`
// stays fast). The same modules as the main entry's, so `instanceof` holds across both.
export {hasErrors, ContentError, UsageError} from './lib/errors.js'
export {escapeControls} from './lib/message.js'
