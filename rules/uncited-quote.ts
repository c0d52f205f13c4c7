/**
 * # uncited-quote
 *
 * Checks that every direct quotation is cited: a reference to a note that
 * names a source must stand in the quotation's sentence (any sentence it
 * spans, the reference that ends the last one included). Quotations,
 * sentences and prose paragraphs are the prose model's: text between
 * matching double quotation marks (`"..."`, `“...”`, never apostrophes) of
 * at least five words, in a body paragraph of at least 20 words that is not
 * a heading or a note; a sentence ends at `.`, `!` or `?` with the closing
 * quotation marks and references that follow, so in `others."[v]
 * Rafsanjani` the `[v]` cites `others."`.
 *
 * A Markdown link in the quotation's sentence cites it too (web writing
 * cites by linking: `arguing that "..." in [a post](https://...)`).
 *
 * One problem, one message: a quotation whose reference is already
 * reported (a broken or undefined marker, a note with no source) is left to
 * that rule. A reference to an author note does not cite a quotation.
 *
 * Why: a direct quotation is the strongest claim a report makes about what
 * someone said; the reader must be able to check its source.
 *
 * Fails:
 *
 *     Rohani said on October 7, 2015: "In diplomacy, when someone signals
 *     the wrong way, it places society at risk." Rafsanjani agreed.[5]
 *
 * Passes:
 *
 *     Rohani said on October 7, 2015: "In diplomacy, when someone signals
 *     the wrong way, it places society at risk."[4] Rafsanjani agreed.[5]
 *
 * Options: none. Fixable: no (only the author knows the source).
 */
import type {Rule} from '../src/engine/rule.js'

const citing = new Set(['citation', 'discursive', 'url-only', 'ibid'])

const rule: Rule = {
  meta: {
    id: 'uncited-quote',
    description: 'A direct quotation must be cited in its sentence',
    severity: 'warn',
    fix: 'none',
    messages: {
      uncited: 'Uncited quotation `{opening}`… ({words} words): no reference to a sourced note in its sentence, expected one'
    },
    defaults: {}
  },
  check(context) {
    const {index, noteFields, prose} = context
    for (const quotation of prose.quotations) {
      if (!quotation.claim) continue
      const references = [...quotation.references, ...quotation.paragraphReferences]
      const handled = references.some((i) => {
        const note = index.references[i]?.note
        if (note === undefined) return true
        const kind = noteFields[note]?.kind
        return kind === 'empty' || (kind !== undefined && citing.has(kind))
      })
      if (handled || quotation.links > 0 || quotation.paragraphLinks > 0 || quotation.paragraphInlineCitation) continue
      context.report({
        messageId: 'uncited',
        data: {opening: opening(quotation.text), words: quotation.words},
        span: quotation.span
      })
    }
  }
}

/** The quotation's opening mark and first words: at most 30 characters, on one line, cut at a space. */
function opening(text: string): string {
  const line = text.split(/[\r\n`]/)[0] ?? ''
  if (line.length <= 30) return line
  const cut = line.lastIndexOf(' ', 30)
  return line.slice(0, cut > 1 ? cut : 30)
}

export default rule
