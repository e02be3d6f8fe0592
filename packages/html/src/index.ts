// The public surface of @samizdat/html. Code lives in lib/; nothing else is exported.
export {toHtml} from './lib/to-html.js'
export {renderFragment} from './lib/fragment.js'
export {renderWork, type WorkOptions} from './lib/work.js'
export {remarkSamizdatHtml} from './lib/plugin.js'
export {serialize, type SerializeOptions} from './lib/serialize.js'
export {stylesheet} from './lib/css.js'
export {defaultLabels} from './lib/labels.js'
export type {FragmentOptions, HrefFor, HtmlFile, HtmlOptions, HtmlSite, Labels, NodeHandler} from './lib/types.js'
