// knip: unused files, exports and dependencies across the pnpm workspace (run by `pnpm lint`).
// Each package's entries from its package.json (`exports`, `bin`) count too. Every exception says why knip cannot see the use.
import type {KnipConfig} from 'knip'

// The Noto fallback fonts of other scripts (PDF, site, EPUB through the site's `scriptFonts`).
const notoFonts = [
  '@fontsource/noto-emoji',
  '@fontsource/noto-sans-arabic',
  '@fontsource/noto-sans-devanagari',
  '@fontsource/noto-sans-hebrew',
  '@fontsource/noto-sans-sc',
  '@fontsource/noto-sans-thai'
]

const tests = {entry: ['test/**/*.test.ts'], project: ['src/**/*.ts', 'test/**/*.ts']}

const config: KnipConfig = {
  workspaces: {
    '.': {
      // Developer tools run by hand or by a script (`node --import tsx scripts/x.ts`), documented in the README.
      entry: ['scripts/*.ts', 'scripts/*.mjs'],
      project: ['scripts/**/*.{ts,mjs}', '*.js'],
      // The consumers are run by scripts/consumers.ts in a scratch folder, against the packed tarballs.
      ignore: ['scripts/consumers/**']
    },
    // The crash test's child (test/fixtures/halt-child.ts) is run as a process.
    'packages/cli': {...tests, entry: [...tests.entry, 'test/fixtures/*.ts']},
    // The validators' generator (`pnpm validators`), also imported by the test that checks its output.
    'packages/model': {entry: [...tests.entry, 'scripts/*.ts'], project: [...tests.project, 'scripts/**/*.ts']},
    'packages/epub': tests,
    'packages/html': {
      ...tests,
      // The browser test reads axe-core's bundle by require.resolve into the page (test/helpers/browser.ts);
      // the Noto fonts are resolved from a table of package names (src/lib/script-fonts.ts).
      ignoreDependencies: ['axe-core', ...notoFonts]
    },
    'packages/pdf': {
      // Fixtures run as child processes by the tests; the bench is imported by scripts/bench.ts.
      entry: [...tests.entry, 'test/fixtures/*.ts', 'bench/*.ts'],
      project: [...tests.project, 'bench/**/*.ts'],
      // Fonts come from tables of package paths (fonts.ts, scripts.ts; EB Garamond is also named in test/booklet.test.ts,
      // Noto Sans Hebrew in test/scripts.test.ts), and hyphenation patterns from `require(\`hyphen/${set}\`)`.
      ignoreDependencies: ['@expo-google-fonts/pt-mono', 'hyphen', ...notoFonts.filter((name) => name !== '@fontsource/noto-sans-hebrew')]
    }
  },
  // System tools the tests call (installed from Debian by .ci/run), not npm binaries.
  ignoreBinaries: ['pdftotext', 'mkfifo', 'pdfinfo', 'pdftoppm', 'script']
}

export default config
