/**
 * YAML is total (the apparatus files: annotations, persons, timeline,
 * bibliography, the sources manifest): see `hostile-yaml.test.ts`.
 */
import {hostileYamlTests} from './helpers/hostile-yaml.js'

hostileYamlTests((path) => !path.startsWith('works/') && !path.startsWith('editions/'))
