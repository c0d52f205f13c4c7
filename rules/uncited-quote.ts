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
 * Options: none. Fixable: no (only the author knows the source).
 */
import type {Rule} from '../src/engine/rule.js'

const citing = new Set(['citation', 'discursive', 'url-only', 'ibid'])

const rule: Rule = {
  meta: {
    id: 'uncited-quote',
    description: 'A direct quotation that bears a claim must be cited in its paragraph',
    severity: 'warn',
    fix: 'none',
    messages: {
      uncited: 'Uncited quotation `{opening}`… ({words} words): no citation in its paragraph, expected a sourced reference'
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
