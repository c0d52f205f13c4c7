/**
 * A fast-check generator of small Markdown documents rich in GFM footnote
 * edge cases, for the differential test (test/gfm-differential.test.ts):
 * calls and definitions in lists, block quotes, tables, link and image text,
 * headings, code spans, fenced code, HTML comments; labels with escapes,
 * entities, case and Unicode folding, inner markup and white space;
 * continuation and lazy lines, CRLF, nested definitions, `[^x]:` mid-line
 * and empty definitions.
 *
 * `callLabels` lists every label a call may have, so that the oracle can
 * add a definition for each and see which literal calls a definition would
 * resolve.
 */
import fc from 'fast-check'

/** Labels: plain, case and Unicode folding, escapes, entities, inner markup, a pipe, white space. */
export const callLabels = [
  '1',
  '2',
  '3',
  'a',
  'A',
  'note',
  'NOTE',
  'ß',
  'SS',
  'ẞ',
  'a*b',
  'a*',
  '*b',
  'x_y_',
  '_z',
  'c`d`',
  '`e`',
  'a<i>',
  '<b>x',
  'a\\]b',
  'a\\[',
  '\\*a',
  'a&amp;b',
  'a&b',
  '&#49;',
  'a|b',
  'p|',
  'a b',
  'ǅ',
  'ǆ'
] as const

const label = fc.constantFrom(...callLabels)

const word = fc.constantFrom('Talks', 'stalled', 'it', 'said', '*so*', '_on_', 'x', 'and', '"quote"', '!', ':', '|', '*', '_', '`', '<', '>')

/** One inline piece that may hold a call. */
function inline(): fc.Arbitrary<string> {
  const call = label.map((l) => `[^${l}]`)
  return fc.oneof(
    {weight: 4, arbitrary: word},
    {weight: 4, arbitrary: call},
    {weight: 1, arbitrary: call.map((c) => `\\${c}`)},
    {weight: 1, arbitrary: call.map((c) => `\`${c}\``)},
    {weight: 1, arbitrary: call.map((c) => `<!-- ${c} -->`)},
    {weight: 1, arbitrary: call.map((c) => `[the report${c}](https://example.org)`)},
    {weight: 1, arbitrary: call.map((c) => `![a chart ${c}](chart.png)`)},
    {weight: 1, arbitrary: call.map((c) => `![${c}]`)},
    {weight: 1, arbitrary: call.map((c) => `*${c}*`)},
    {weight: 1, arbitrary: call.map((c) => `${c}:`)},
    {weight: 1, arbitrary: call.map((c) => `${c}(x)`)}
  )
}

/** A line of prose: 1 to 5 inline pieces separated by spaces or nothing. */
function line(): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(inline(), fc.constantFrom(' ', ' ', '')), {minLength: 1, maxLength: 5})
    .map((parts) => parts.map(([piece, gap]) => piece + gap).join('').trimEnd())
}

/** One block (possibly several lines, joined with `\n`). */
function block(): fc.Arbitrary<string> {
  const prose = line()
  const definition = fc
    .tuple(label, fc.oneof(prose, fc.constant('')), fc.constantFrom('', '\n    more', '\nlazy line', '\n\n    second paragraph', '\n    [^1]: nested'))
    .map(([l, body, rest]) => `[^${l}]:${body ? ' ' + body : ''}${rest}`)
  return fc.oneof(
    {weight: 5, arbitrary: prose},
    {weight: 2, arbitrary: fc.tuple(prose, prose).map(([a, b]) => `${a}\n${b}`)},
    {weight: 5, arbitrary: definition},
    {weight: 1, arbitrary: fc.tuple(prose, definition).map(([a, d]) => `${a}\n${d}`)},
    {weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '> ', '> - '), fc.oneof(prose, definition)).map(([m, b]) => m + b)},
    {weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '## '), prose).map(([m, b]) => m + b)},
    {weight: 1, arbitrary: prose.map((b) => `${b}\n---`)},
    {
      weight: 2,
      arbitrary: fc
        .tuple(prose, prose, fc.constantFrom('', '\n    indented', '\nlazy'))
        .map(([a, b, rest]) => `| h | i |\n| - | - |\n| ${a} | ${b} |${rest}`)
    },
    {weight: 1, arbitrary: prose.map((b) => `\`\`\`\n${b}\n\`\`\``)},
    {weight: 1, arbitrary: prose.map((b) => `    ${b}`)},
    {weight: 1, arbitrary: prose.map((b) => `<!--\n${b}\n-->`)}
  )
}

/** A document: 1 to 6 blocks separated by blank lines or single line endings, LF or CRLF. */
export function markdownDocument(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(block(), fc.constantFrom('\n\n', '\n\n', '\n')), {minLength: 1, maxLength: 6}), fc.boolean())
    .map(([blocks, crlf]) => {
      const text = blocks.map(([b, gap]) => b + gap).join('')
      return crlf ? text.replace(/\n/g, '\r\n') : text
    })
}
