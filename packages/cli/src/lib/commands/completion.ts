/**
 * `samizdat completion bash|zsh|fish`: a completion script made from the program's own commands and options,
 * so it never drifts from them. Install: `samizdat completion bash > ~/.local/share/bash-completion/completions/samizdat`,
 * `samizdat completion zsh > ~/.zfunc/_samizdat` (a folder on `fpath`), `samizdat completion fish > ~/.config/fish/completions/samizdat.fish`.
 */
import {Argument, type Command} from 'commander'
import type {Io} from '../run.js'

const shells = ['bash', 'zsh', 'fish'] as const
type Shell = (typeof shells)[number]

interface Spec {
  name: string
  description: string
  options: Array<{long?: string; short?: string; description: string; takesValue: boolean; values?: readonly string[]}>
  /** The command's positional argument is a path. */
  path: boolean
}

/** Values some options take, offered as completions. */
const choices: Record<string, readonly string[]> = {'--format': ['html', 'epub', 'pdf'], '--paper': ['A5', 'A4', 'Letter'], '--locale': ['en', 'fr']}

export function registerCompletion(program: Command, io: Io): void {
  program
    .command('completion')
    .description('Print a shell completion script: bash, zsh or fish.')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(shells))
    .action((shell: Shell) => {
      const specs = program.commands.map((command) => specOf(command))
      io.stdout.write(writers[shell](specs))
    })
}

function specOf(command: Command): Spec {
  return {
    name: command.name(),
    description: command.description(),
    options: command.options.map((option) => ({
      ...(option.long === undefined ? {} : {long: option.long}),
      ...(option.short === undefined ? {} : {short: option.short}),
      description: option.description,
      takesValue: option.required || option.optional,
      ...(option.long !== undefined && choices[option.long] ? {values: choices[option.long]} : {})
    })),
    path: command.registeredArguments.some((argument) => ['corpus', 'folder'].includes(argument.name()))
  }
}

const writers: Record<Shell, (specs: Spec[]) => string> = {
  bash(specs) {
    const cases = specs.map((spec) => {
      const flags = spec.options.flatMap((option) => [option.short, option.long].filter(Boolean)).join(' ')
      const values = spec.options
        .filter((option) => option.values)
        .map(
          (option) =>
            `      ${[option.short, option.long].filter(Boolean).join('|')}) COMPREPLY=($(compgen -W "${option.values?.join(' ')}" -- "$cur")); return ;;`
        )
      const paths = spec.options.filter((option) => option.takesValue && !option.values).map((option) => [option.short, option.long].filter(Boolean).join('|'))
      return [
        `    ${spec.name})`,
        '      case "$prev" in',
        ...values,
        ...(paths.length > 0 ? [`      ${paths.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []),
        '      esac',
        `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${flags} --help" -- "$cur"))`,
        spec.path ? '      else COMPREPLY=($(compgen -d -- "$cur")); fi' : '      fi',
        '      ;;'
      ].join('\n')
    })
    return `# bash completion for samizdat (samizdat completion bash)
_samizdat() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${specs.map((spec) => spec.name).join(' ')} help --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
}
complete -o filenames -F _samizdat samizdat
`
  },
  zsh(specs) {
    const functions = specs.map((spec) => {
      const lines = spec.options.map((option) => {
        const names = [option.short, option.long].filter(Boolean) as string[]
        const head = names.length > 1 ? `{${names.join(',')}}` : (names[0] as string)
        const action = option.takesValue ? (option.values ? `:value:(${option.values.join(' ')})` : ':path:_files') : ''
        return `    ${head}'[${zshEscape(option.description)}]${action}' \\`
      })
      return `_samizdat_${spec.name}() {\n  _arguments \\\n${lines.join('\n')}\n    '--help[show help]'${spec.path ? ` \\\n    '1:folder:_files -/'` : ''}\n}`
    })
    return `#compdef samizdat
# zsh completion for samizdat (samizdat completion zsh)
${functions.join('\n')}
_samizdat() {
  local -a commands
  commands=(
${specs.map((spec) => `    '${spec.name}:${zshEscape(spec.description)}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe command commands
  else
    shift words; (( CURRENT-- ))
    (( $+functions[_samizdat_\${words[1]}] )) && _samizdat_\${words[1]}
  fi
}
_samizdat "$@"
`
  },
  fish(specs) {
    const lines = ['# fish completion for samizdat (samizdat completion fish)', 'complete -c samizdat -f']
    for (const spec of specs) {
      lines.push(`complete -c samizdat -n __fish_use_subcommand -a ${spec.name} -d ${fishQuote(spec.description)}`)
      if (spec.path) lines.push(`complete -c samizdat -n '__fish_seen_subcommand_from ${spec.name}' -a '(__fish_complete_directories)'`)
      for (const option of spec.options) {
        const parts = [`complete -c samizdat -n '__fish_seen_subcommand_from ${spec.name}'`]
        if (option.short) parts.push(`-s ${option.short.slice(1)}`)
        if (option.long) parts.push(`-l ${option.long.slice(2)}`)
        if (option.takesValue) parts.push(option.values ? `-x -a '${option.values.join(' ')}'` : '-r -F')
        parts.push(`-d ${fishQuote(option.description)}`)
        lines.push(parts.join(' '))
      }
    }
    return `${lines.join('\n')}\n`
  }
}

function zshEscape(text: string): string {
  return text.replaceAll("'", "'\\''").replaceAll('[', '\\[').replaceAll(']', '\\]').replaceAll(':', '\\:')
}

function fishQuote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
}
