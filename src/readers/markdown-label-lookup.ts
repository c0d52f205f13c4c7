/**
 * Constant-time label lookups for micromark, as a wrapper (no fork, no
 * patch): see patches/README.md, "Label lookups".
 *
 * micromark keeps the labels defined so far in two arrays on its parser
 * object: `parser.gfmFootnotes` (footnote labels, made by
 * micromark-extension-gfm-footnote 2.1.0, `lib/syntax.js`) and
 * `parser.defined` (link-definition labels, made by micromark 4.0.2
 * `lib/parse.js`, filled by micromark-core-commonmark `definition.js`). Both
 * are searched with `includes` for every call, definition and reference, so a
 * report with n notes costs O(n²) string comparisons.
 *
 * `withLabelLookup(gfmFootnote())` wraps each tokenizer of the footnote
 * extension so that, before the original runs, both arrays on its parser are
 * {@link LabelList}s: arrays whose `includes` asks a `Set` kept in step by
 * `push`. The extension then finds the list already there and uses it. The
 * parser is otherwise untouched, and the labels and their order are the same,
 * so the parse result is identical (test/parser-label-lookup.test.ts).
 */
import type {Construct, ConstructRecord, Extension, TokenizeContext, Tokenizer} from 'micromark-util-types'

/**
 * An array of label identifiers whose `includes` is a `Set` lookup.
 *
 * Only `push` keeps the set in step; micromark adds labels with `push` alone
 * and never removes one. Any other mutation (index assignment, `splice`,
 * `length = 0`) would leave the set stale, so `includes` falls back to the
 * array's own search whenever the length differs from the number of values
 * pushed (an index assignment that keeps the length is not detected).
 */
export class LabelList extends Array<string> {
  /** Every value pushed so far. */
  readonly #seen = new Set<string>()
  /** How many values were pushed, duplicates included. */
  #pushed = 0

  /** A list holding `labels` in order. */
  static fromLabels(labels: readonly string[]): LabelList {
    const list = new LabelList()
    for (const label of labels) list.push(label)
    return list
  }

  /** Append labels; returns the new length, as `Array.prototype.push`. */
  override push(...labels: string[]): number {
    for (const label of labels) this.#seen.add(label)
    this.#pushed += labels.length
    return super.push(...labels)
  }

  /** Whether `label` is in the list (SameValueZero, as `Array.prototype.includes`). */
  override includes(label: string, fromIndex?: number): boolean {
    if (fromIndex !== undefined || this.#pushed !== this.length) return super.includes(label, fromIndex)
    return this.#seen.has(label)
  }

  // Array methods that build a new array (`map`, `filter`, `slice`) make
  // plain arrays, not LabelLists: the constructor takes no length.
  static override get [Symbol.species](): ArrayConstructor {
    return Array
  }
}

/** The two label arrays micromark keeps on its parser object. */
interface LabelFields {
  defined?: string[]
  gfmFootnotes?: string[]
}

/**
 * Make `parser.defined` and `parser.gfmFootnotes` {@link LabelList}s,
 * keeping any labels they already hold, in order. Cheap when they already
 * are.
 */
export function useLabelLists(parser: LabelFields): void {
  if (!(parser.defined instanceof LabelList)) parser.defined = LabelList.fromLabels(parser.defined ?? [])
  if (!(parser.gfmFootnotes instanceof LabelList)) parser.gfmFootnotes = LabelList.fromLabels(parser.gfmFootnotes ?? [])
}

/**
 * `extension` with every construct's `tokenize` (and `continuation.tokenize`)
 * wrapped so that its parser uses {@link LabelList}s before the original
 * tokenizer runs. The constructs are copied, not changed.
 */
export function withLabelLookup(extension: Extension): Extension {
  const wrapped: Extension = {}
  for (const [field, record] of Object.entries(extension) as Array<[keyof Extension, ConstructRecord | undefined]>) {
    if (!record || typeof record !== 'object') {
      ;(wrapped as Record<string, unknown>)[field] = record
      continue
    }
    const copy: ConstructRecord = {}
    for (const [code, value] of Object.entries(record)) {
      copy[code as unknown as number] = Array.isArray(value) ? value.map(wrapConstruct) : value ? wrapConstruct(value as Construct) : value
    }
    ;(wrapped as Record<string, unknown>)[field] = copy
  }
  return wrapped
}

function wrapConstruct(construct: Construct): Construct {
  const copy: Construct = {...construct, tokenize: wrapTokenizer(construct.tokenize)}
  if (construct.continuation) copy.continuation = {...construct.continuation, tokenize: wrapTokenizer(construct.continuation.tokenize)}
  return copy
}

function wrapTokenizer(tokenize: Tokenizer): Tokenizer {
  return function (this: TokenizeContext, effects, ok, nok) {
    useLabelLists(this.parser as unknown as LabelFields)
    return tokenize.call(this, effects, ok, nok)
  }
}
