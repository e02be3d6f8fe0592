/**
 * html-validate with its recommended rules. Adjusted only where a rule is a
 * matter of taste, each adjustment with its reason.
 */
import {HtmlValidate, StaticConfigLoader, type ConfigData, type Message, type ResolvedConfig} from 'html-validate'

/**
 * html-validate resolves its configuration (the elements' metadata, the rules) for every page it checks: more than
 * half of the CPU of checking a small page (the CommonMark test checks 654). This loader resolves it once.
 */
class ResolvedOnce extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined
  override getConfigFor(handle: string, override?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (override) return super.getConfigFor(handle, override)
    return (this.#resolved ??= super.getConfigFor(handle))
  }
}

const config: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Ids are the model's GitHub-style slugs, and a heading that starts with a
    // number ("1 Were the Left Communists…") gets an id that does too. HTML
    // allows that; the strict mode only spares CSS authors an escape.
    'valid-id': ['error', {relaxed: true}],
    // A search-result heuristic: page titles are the texts' own titles, which
    // historical works make long; they are not cut to fit.
    'long-title': 'off'
  }
}
const validator = new HtmlValidate(new ResolvedOnce(config))

/** Messages for one page, formatted `path:line:column: message [rule]`. */
export async function validate(path: string, html: string): Promise<string[]> {
  const report = await validator.validateString(html, path)
  return report.results.flatMap((result) =>
    result.messages.map((m: Message) => `${path}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]${m.severity === 2 ? '' : ' (warning)'}`)
  )
}
