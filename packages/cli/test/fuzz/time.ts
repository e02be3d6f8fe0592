import fc from 'fast-check'
import {caseArb, profiles} from './arbitraries.js'
import {checkCase} from './check.js'
const profile = process.argv[2] ?? 'markdown'
const stages = (process.argv[3] ?? 'html,epub,pdf,json').split(',') as any
const cases = fc.sample(caseArb(profiles[profile]!), {seed: 7, numRuns: Number(process.argv[4] ?? 20)})
const t0 = performance.now(); const c0 = process.cpuUsage()
let fails = 0
for (const c of cases) { try { await checkCase(c, stages) } catch (e) { fails++; console.log(String(e).slice(0, 300)) } }
const c1 = process.cpuUsage(c0)
console.log(profile, stages.join(), 'wall', ((performance.now()-t0)/cases.length).toFixed(0), 'ms/case; cpu', ((c1.user+c1.system)/1000/cases.length).toFixed(0), 'fails', fails)
