// The public surface of @samizdat/cli. Code lives in lib/; nothing else is exported.
export {run, type Io} from './lib/run.js'
export {build, type BuildOptions, type BuildResult, type Written} from './lib/build.js'
export {check, type CheckOptions, type CheckResult} from './lib/check.js'
export {formats, type Format, type OutputFile, type RenderOptions} from './lib/formats.js'
export {report} from './lib/report.js'
export {watch, type WatchEvent, type WatchOptions} from './lib/loop/watch.js'
export {preview, type PreviewOptions} from './lib/loop/preview.js'
