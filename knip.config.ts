// knip: unused files, exports and dependencies across the pnpm workspace (run by `pnpm lint`).
// Each package's entries from its package.json (`exports`, `bin`) count too. Every exception says why knip cannot see the use.
import type {KnipConfig} from 'knip'

const tests = {entry: ['test/**/*.test.ts'], project: ['src/**/*.ts', 'test/**/*.ts']}

const config: KnipConfig = {
  workspaces: {
    '.': {
      // Developer tools run by hand or by a script (`node --import tsx scripts/x.ts`), documented in the README.
      entry: ['scripts/*.ts', 'scripts/*.mjs'],
      project: ['scripts/**/*.{ts,mjs}', '*.js'],
      // The consumers are run by scripts/consumers.ts in a scratch folder, against the packed tarballs.
      ignore: ['scripts/consumers/**'],
      // attw is run from its path in node_modules by scripts/consumers.ts.
      ignoreDependencies: ['@arethetypeswrong/cli']
    },
    'packages/cli': tests,
    'packages/model': tests,
    'packages/epub': {
      ...tests,
      // Font files are read by a path built from the package name (src/lib/fonts.ts).
      ignoreDependencies: ['@expo-google-fonts/eb-garamond']
    },
    'packages/html': {
      ...tests,
      // The browser test reads axe-core's bundle by require.resolve into the page (test/helpers/browser.ts).
      ignoreDependencies: ['axe-core']
    },
    'packages/pdf': {
      // Fixtures run as child processes by the tests; the bench is imported by scripts/bench.ts.
      entry: [...tests.entry, 'test/fixtures/*.ts', 'bench/*.ts'],
      project: [...tests.project, 'bench/**/*.ts'],
      // Fonts come from a table of package paths, and hyphenation patterns from `require(\`hyphen/${set}\`)`.
      ignoreDependencies: ['@expo-google-fonts/eb-garamond', '@expo-google-fonts/pt-mono', 'hyphen']
    }
  },
  // System tools the tests call (installed from Debian by .ci/run), not npm binaries.
  ignoreBinaries: ['pdftotext', 'mkfifo', 'pdfinfo', 'pdftoppm']
}

export default config
