/**
 * Message control: suppression comments in Markdown, in the convention of
 * ESLint and markdownlint (remark-message-control was considered: its
 * comments read `<!--citelint disable-->`, it has no "next line" form and
 * cannot report unused directives):
 *
 * - `<!-- citelint-disable -->` / `<!-- citelint-disable rule-a rule-b -->`:
 *   off from this comment on, for all rules or the named ones;
 * - `<!-- citelint-enable -->` / `<!-- citelint-enable rule-a -->`: back on;
 * - `<!-- citelint-disable-next-line [rules] -->`: off on the line after the
 *   comment.
 *
 * Rule ids may be separated by spaces or commas. As in ESLint, a comment may
 * end with a justification after two or more dashes between spaces
 * (`<!-- citelint-disable-next-line note-order -- numbered as the source -->`).
 * Plain text has no comments; it uses `overrides` in the config instead.
 */
import type {Html, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {CitelintMessage, SuppressedMessage} from './rule.js'
import {rulesById} from './registry.js'

type Verb = 'disable' | 'enable' | 'disable-next-line'

interface Directive {
  readonly verb: Verb
  /** Rule ids named; empty for all rules. */
  readonly rules: readonly string[]
  /** The text after ` -- `, trimmed; empty when none. */
  readonly justification: string
  readonly node: Html
  readonly start: number
  readonly endLine: number
  /** Rule ids (or `*` for all) that suppressed at least one message. */
  readonly used: Set<string>
}

const directivePattern = /^<!--\s*citelint-(disable-next-line|disable|enable)\b([^]*?)-->$/

/** What `applySuppressions` gives. */
export interface Suppressed {
  /** The messages to keep, in the given order, plus the new ones (unknown rule ids, unused directives). */
  readonly kept: CitelintMessage[]
  /** The messages turned off, in the given order, each with its `suppressions` and without its fix (ESLint applies none). */
  readonly suppressed: SuppressedMessage[]
}

/**
 * Drop the messages that suppression comments in `tree` turn off.
 *
 * @param reportUnused also report each directive (or rule id in it) that
 *   suppressed nothing, as an error without rule id, as ESLint's
 *   `--report-unused-disable-directives` does; unknown rule ids in a
 *   directive are always reported.
 */
export function applySuppressions(
  messages: readonly CitelintMessage[],
  tree: Root,
  file: VFile,
  reportUnused: boolean
): Suppressed {
  const directives = collect(tree)
  if (directives.length === 0) return {kept: [...messages], suppressed: []}
  const lookup = prepare(directives)
  const kept: CitelintMessage[] = []
  const suppressed: SuppressedMessage[] = []
  for (const message of messages) {
    const directive = suppressing(message, lookup)
    if (!directive) {
      kept.push(message)
      continue
    }
    const off = message as SuppressedMessage
    delete off.fix
    delete off.fixWithheld
    off.suppressions = [{kind: 'directive', justification: directive.justification}]
    suppressed.push(off)
  }
  const extra: CitelintMessage[] = []
  const report = (directive: Directive, reason: string, messageId: string): void => {
    const message = file.message(reason, {place: directive.node.position}) as CitelintMessage
    message.fatal = true
    message.messageId = messageId
    extra.push(message)
  }
  for (const directive of directives) {
    for (const id of directive.rules) {
      if (!rulesById.has(id)) report(directive, `Unknown rule \`${id}\` in a citelint-${directive.verb} comment`, 'unknownRule')
    }
    if (!reportUnused || directive.verb === 'enable') continue
    const unused = directive.rules.length === 0 ? (directive.used.size === 0 ? ['*'] : []) : directive.rules.filter((id) => !directive.used.has(id))
    for (const id of unused) {
      const what = id === '*' ? '' : ` for \`${id}\``
      report(directive, `Unused citelint-${directive.verb} directive${what}: no problem was suppressed, expected it removed`, 'unusedDirective')
    }
  }
  return {kept: [...kept, ...extra], suppressed}
}

function collect(tree: Root): Directive[] {
  const directives: Directive[] = []
  const stack: Array<Root['children'][number] | Root> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'html') {
      const match = directivePattern.exec(node.value.trim())
      const start = node.position?.start.offset
      const endLine = node.position?.end.line
      if (match && start !== undefined && endLine !== undefined) {
        // ESLint's description: after two or more dashes with white space on both sides.
        const [names = '', ...why] = (match[2] ?? '').split(/\s-{2,}\s/)
        const rules = names.split(/[\s,]+/).filter(Boolean)
        directives.push({verb: match[1] as Verb, rules, justification: why.join(' -- ').trim(), node, start, endLine, used: new Set()})
      }
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child as Root['children'][number])
    }
  }
  return directives.sort((a, b) => a.start - b.start)
}

/** Directives arranged for lookups in O(log n) per message. */
interface Lookup {
  /** `disable-next-line` directives by the line they apply to, in document order. */
  readonly nextLine: Map<number, Directive[]>
  /** `disable` and `enable` directives naming no rule (all rules), by start. */
  readonly allRules: Directive[]
  /** `disable` and `enable` directives naming a rule, by rule id, by start. */
  readonly byRule: Map<string, Directive[]>
}

function prepare(directives: readonly Directive[]): Lookup {
  const lookup: Lookup = {nextLine: new Map(), allRules: [], byRule: new Map()}
  const add = <K>(map: Map<K, Directive[]>, key: K, directive: Directive): void => {
    const list = map.get(key)
    if (list) list.push(directive)
    else map.set(key, [directive])
  }
  for (const directive of directives) {
    if (directive.verb === 'disable-next-line') add(lookup.nextLine, directive.endLine + 1, directive)
    else if (directive.rules.length === 0) lookup.allRules.push(directive)
    else for (const id of new Set(directive.rules)) add(lookup.byRule, id, directive)
  }
  return lookup
}

/** The last of `sorted` (by start) that starts at or before `offset`. */
function lastAtOrBefore(sorted: readonly Directive[] | undefined, offset: number): Directive | undefined {
  if (!sorted) return undefined
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]!.start <= offset) low = mid + 1
    else high = mid
  }
  return sorted[low - 1]
}

/** The directive that turns a message off, if any; records that it did. */
function suppressing(message: CitelintMessage, lookup: Lookup): Directive | undefined {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const offset = start?.offset
  const line = start?.line
  const ruleId = message.ruleId ?? ''
  if (offset === undefined || line === undefined) return undefined
  const applies = (directive: Directive): boolean => directive.rules.length === 0 || directive.rules.includes(ruleId)

  const nextLine = lookup.nextLine.get(line)?.find(applies)
  if (nextLine) {
    nextLine.used.add(nextLine.rules.length === 0 ? '*' : ruleId)
    return nextLine
  }
  // The last disable or enable before the message that names its rule (or all rules) decides.
  const forAll = lastAtOrBefore(lookup.allRules, offset)
  const forRule = lastAtOrBefore(lookup.byRule.get(ruleId), offset)
  const decisive = !forAll || (forRule && forRule.start > forAll.start) ? forRule : forAll
  if (decisive?.verb !== 'disable') return undefined
  decisive.used.add(decisive.rules.length === 0 ? '*' : ruleId)
  return decisive
}
