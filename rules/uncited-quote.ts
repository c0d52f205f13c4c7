/**
 * # uncited-quote
 *
 * Checks that every direct quotation that bears a claim is cited: a
 * reference to a note that names a source, a Markdown link or a citation
 * written in the prose must stand in the quotation's paragraph (before or
 * after it; for a quotation that opens a paragraph introduced by one ending
 * in a colon, that paragraph's references count too). Quotations, their
 * paragraphs and what bears a claim are the prose model's
 * (`src/models/prose.ts`, `src/models/sentences.ts`): text between matching
 * double quotation marks of at least five words, in a body paragraph of at
 * least 20 words that is not a heading or a note.
 *
 * A quotation bears no claim (`Quotation.claim` is false) when it is a
 * title of a work or an address, a question or a trailing-off line, a
 * phrase, term or example (`the "we will sort it out later" approach`,
 * `such as "..."`, a term glossed in parentheses), or when the document has
 * no citation apparatus for quotations: fewer than one prose paragraph in
 * five cited by a note (a blog post, an RFC, a regulation), or a habit of
 * quoting without citing (from three quotations, under half cited where
 * they stand: narrative dialogue, survey answers, an OCR copy whose markers
 * were lost). Written citations are parentheticals with a year or page
 * (`(1986)`, `(Smith 2003, p. 4)`), legal citations (`478 U.S. 714`,
 * `Id. at 18`), a source dated just before the quotation, an attribution
 * dash (`"..." -- Hyde`), a citation's parenthetical that holds the
 * quotation, and a note number that OCR glued to the closing mark.
 *
 * One problem, one message: a quotation whose reference is already
 * reported (a broken or undefined marker, a note with no source) is left to
 * that rule. A reference to an author note does not cite a quotation.
 * Uncited quotations that one citation would cover are one finding: those
 * of one paragraph (`"the amount of fund ..." or "the size of the net
 * produce ..."`), and those of a run of consecutive items of one Markdown
 * list (definitions quoted item by item from one manual). It is reported at
 * the first quotation, with the count in the message (`Uncited quotation
 * ... and 2 more in this paragraph`); the others are its related places
 * (the message's `related` list and `cause`, SARIF `relatedLocations`). A
 * single uncited quotation keeps the plain message.
 *
 * Why: a direct quotation is the strongest claim a report makes about what
 * someone said; the reader must be able to check its source.
 *
 * Fails:
 *
 *     Rohani said on October 7, 2015: "In diplomacy, when someone signals
 *     the wrong way, it places society at risk." Rafsanjani agreed.
 *
 * Passes:
 *
 *     Rohani said on October 7, 2015: "In diplomacy, when someone signals
 *     the wrong way, it places society at risk."[4] Rafsanjani agreed.[5]
 *
 * Options: `repeated`: `group` (default) or `list` (one finding per
 * quotation, each at its own place). Fixable: no (only the author knows the
 * source).
 */
import type {RepeatedOptions} from '../src/engine/repeated.js'
import {repeatedDefaults, validateRepeated} from '../src/engine/repeated.js'
import type {Report, Rule} from '../src/engine/rule.js'
import type {ProseModel, Quotation} from '../src/models/prose.js'

const citing = new Set(['citation', 'discursive', 'url-only', 'ibid'])

const rule: Rule<RepeatedOptions> = {
  meta: {
    id: 'uncited-quote',
    description: 'A direct quotation that bears a claim must be cited in its paragraph',
    severity: 'warn',
    fix: 'none',
    messages: {
      uncited: 'Uncited quotation `{opening}`… ({words} words): no citation in its paragraph, expected a sourced reference',
      uncitedParagraph:
        'Uncited quotation `{opening}`… ({words} words) and {more} more in this paragraph: no citation in the paragraph, expected a sourced reference',
      uncitedItems:
        'Uncited quotation `{opening}`… ({words} words) and {more} more in the list items that follow: no citation in these items, expected a sourced reference',
      more: 'Uncited quotation `{opening}`… ({words} words), in the same {unit} as the first'
    },
    defaults: repeatedDefaults,
    validate: validateRepeated
  },
  check(context) {
    const {index, noteFields, prose} = context
    const uncited = prose.quotations.filter((quotation) => {
      if (!quotation.claim) return false
      const references = [...quotation.references, ...quotation.paragraphReferences]
      const handled = references.some((i) => {
        const note = index.references[i]?.note
        if (note === undefined) return true
        const kind = noteFields[note]?.kind
        return kind === 'empty' || (kind !== undefined && citing.has(kind))
      })
      return !(handled || quotation.links > 0 || quotation.paragraphLinks > 0 || quotation.paragraphInlineCitation)
    })
    const groups = context.options.repeated === 'list' ? uncited.map((quotation) => [quotation]) : units(uncited, prose)
    for (const [first, ...others] of groups) {
      if (!first) continue
      const data = {opening: opening(first.text), words: first.words}
      if (others.length === 0) {
        context.report({messageId: 'uncited', data, span: first.span})
        continue
      }
      const paragraph = others.every((quotation) => quotation.paragraph === first.paragraph)
      const report: Report = {
        messageId: paragraph ? 'uncitedParagraph' : 'uncitedItems',
        data: {...data, more: others.length},
        span: first.span,
        related: others.map((quotation) => ({
          span: quotation.span,
          messageId: 'more',
          data: {opening: opening(quotation.text), words: quotation.words, unit: paragraph ? 'paragraph' : 'run of list items'}
        }))
      }
      context.report(report)
    }
  }
}

/**
 * The uncited quotations (in document order) grouped by what one citation
 * would cover: the quotations of one paragraph, and those of a run of
 * consecutive items of one list (an item with several paragraphs counts
 * once). An item without an uncited quotation ends the run.
 */
function units(quotations: readonly Quotation[], prose: ProseModel): Quotation[][] {
  const groups: Quotation[][] = []
  let previous: Quotation | undefined
  for (const quotation of quotations) {
    const group = groups.at(-1)
    if (group && previous && together(previous, quotation, prose)) group.push(quotation)
    else groups.push([quotation])
    previous = quotation
  }
  return groups
}

/** Whether `next` is in the paragraph of `previous`, or in its list item or the item after it in the same list. */
function together(previous: Quotation, next: Quotation, prose: ProseModel): boolean {
  if (previous.paragraph === next.paragraph) return true
  const before = prose.paragraphs[previous.paragraph]?.listItem
  const after = prose.paragraphs[next.paragraph]?.listItem
  return before !== undefined && after !== undefined && before.list === after.list && (after.item === before.item || after.item === before.item + 1)
}

/** The quotation's opening mark and first words: at most 30 characters, on one line, cut at a space. */
function opening(text: string): string {
  const line = text.split(/[\r\n`]/)[0] ?? ''
  if (line.length <= 30) return line
  const cut = line.lastIndexOf(' ', 30)
  return line.slice(0, cut > 1 ? cut : 30)
}

export default rule
