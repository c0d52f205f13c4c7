/**
 * `citelint/remark`: citelint as a unified plugin, for remark-cli (`remark .
 * --use citelint/remark`), `.remarkrc` files, remark-language-server and
 * vscode-remark.
 *
 * The plugin ignores the tree the user's processor built (remark without
 * remark-gfm reads no footnotes at all) and lints the file's own text
 * (`String(file)`) with citelint's parser, exactly as the CLI does. Each
 * finding becomes a vfile message on the processed file (vfile's
 * `file.message`, the way remark-lint reports):
 *
 * - `ruleId`: citelint's rule id (`undefined-reference`), `source`:
 *   `'citelint'`, so reporters print `undefined-reference` beside the
 *   message and `--frail`, remark-message-control and editors treat it as
 *   any lint message;
 * - `fatal`: `true` for an error, `false` for a warning (remark-cli exits 1
 *   on an error, and on a warning too with `--frail`);
 * - `place`: the span, lines and columns 1-based, offsets in UTF-16 code
 *   units into the file's text; `url`: the rule's documentation.
 *
 * Options are a citelint configuration, the shape of `.citelintrc`
 * (`{rules, overrides, formats}`, see `Config`): in `.remarkrc`,
 * `"plugins": [["citelint/remark", {"rules": {"note-order": "off"}}]]`.
 * Override globs match the file's path relative to the processor's working
 * folder (`file.cwd`). A file is read as Markdown unless `formats` maps its
 * extension to `"text"`. Suppression comments (`<!-- citelint-disable ... -->`)
 * work as in the CLI. Fixes are not applied (remark has no fix step); run
 * `citelint --fix` for them.
 */
import path from 'node:path'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Config} from './engine/config.js'
import {extensionFormats, resolveRules, settingsFor, validateConfig} from './engine/config.js'
import {lintText} from './engine/engine.js'
import type {Format} from './readers/format.js'

/** Options of `citelint/remark`: a citelint configuration, as in `.citelintrc`. */
export type RemarkCitelintOptions = Config

/** What the plugin returns: a unified transformer that adds messages to `file` and leaves the tree (mdast) alone. */
export type RemarkCitelintTransformer = (tree: Root, file: VFile) => undefined

/**
 * The unified plugin (attacher). Use it with `processor.use(remarkCitelint,
 * options)` or from remark-cli as `--use citelint/remark`.
 *
 * @throws ConfigError when `options` is not a valid citelint configuration
 *   (unknown key, unknown rule id, bad severity or rule options): unified
 *   reports it when the plugin is attached.
 */
export default function remarkCitelint(options?: RemarkCitelintOptions | null): RemarkCitelintTransformer {
  const source = 'citelint/remark options'
  const config = validateConfig(options ?? {}, source)
  const mapped = extensionFormats(config)
  // Without overrides, every file runs the same rules: resolve them once.
  const shared = config.overrides?.length ? undefined : resolveRules(config, source)

  return (_tree, file) => {
    const filePath = file.path || undefined
    const rules = shared ?? resolveRules({rules: settingsFor(config, filePath ?? '', file.cwd)}, source)
    const format = formatOf(filePath, mapped)
    const result = lintText(String(file), {filePath, format, rules})
    // lintText removes a byte order mark; offsets then count from after it.
    const shift = result.bom ? 1 : 0
    for (const found of result.messages) {
      const start = found.place && 'start' in found.place ? found.place.start : found.place
      const end = found.place && 'end' in found.place ? found.place.end : undefined
      const at = (point: typeof start) => (point && point.offset !== undefined ? {...point, offset: point.offset + shift} : point)
      const message = file.message(found.reason, {
        place: start && end ? {start: at(start)!, end: at(end)!} : at(start),
        ruleId: found.ruleId ?? 'citelint',
        source: 'citelint'
      })
      message.fatal = found.fatal
      if (found.url) message.url = found.url
    }
    return undefined
  }
}

export {remarkCitelint}

/** The format `citelint/remark` reads a file in: the one `formats` maps its extension to, else Markdown (remark's own). */
function formatOf(filePath: string | undefined, mapped: Readonly<Record<string, Format>> | undefined): Format {
  const extension = filePath ? path.extname(filePath).slice(1).toLowerCase() : ''
  return (extension && mapped?.[extension]) || 'markdown'
}
