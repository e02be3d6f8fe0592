/**
 * YAML is total: a hostile value in any field of any YAML file ends in
 * positioned messages, never an exception (other than `UsageError`).
 */
import {hostileYamlTests} from './helpers/hostile-yaml.js'

// Works and editions here; the apparatus files in hostile-yaml-apparatus.test.ts.
hostileYamlTests((path) => path.startsWith('works/') || path.startsWith('editions/'))
