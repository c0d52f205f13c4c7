/**
 * The number a reader sees for a note of an HTML page: the one the browser
 * draws before a list item of an `<ol>`, or the one written at the note's
 * start. Not a number in the note's id: GFM renderers (GitHub, remark-rehype)
 * renumber notes by first citation, so `id="fn-4"` may be shown as note 2.
 *
 * Sources: HTML Living Standard, "The ol element" (`start`, `reversed`,
 * `type`: `1`, `a`, `A`, `i`, `I`) and "The li element" (`value`; the
 * ordinal value of each item, counted from the list's start, reset by a
 * `value` and continued from it); CSS Lists 3 `list-style-type` (`decimal`,
 * `lower-alpha`/`lower-latin`, `upper-alpha`/`upper-latin`, `lower-roman`,
 * `upper-roman`, `none`), read from the `style` attribute only: a
 * stylesheet's rules are not applied.
 */
import type {Element} from 'hast'

/** How a list draws its numbers. */
type NumberStyle = 'decimal' | 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman' | 'none' | 'other'

const typeStyles: Readonly<Record<string, NumberStyle>> = {'1': 'decimal', a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman'}
const cssStyles: Readonly<Record<string, NumberStyle>> = {
  decimal: 'decimal',
  'lower-alpha': 'lower-alpha',
  'lower-latin': 'lower-alpha',
  'upper-alpha': 'upper-alpha',
  'upper-latin': 'upper-alpha',
  'lower-roman': 'lower-roman',
  'upper-roman': 'upper-roman',
  none: 'none'
}

/** An integer attribute (`start`, `value`), or `undefined` when absent or not an integer. */
function integerAttribute(element: Element, name: string): number | undefined {
  const value = element.properties[name]
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number.parseInt(value, 10) : undefined
  return number !== undefined && Number.isInteger(number) ? number : undefined
}

/** The numbering style an element sets: its `style` attribute's `list-style(-type)` first, else its `type` attribute; `undefined` when it sets none. */
function styleOf(element: Element): NumberStyle | undefined {
  const css = element.properties['style']
  if (typeof css === 'string') {
    const match = /list-style(?:-type)?\s*:\s*([^;]+)/i.exec(css)
    if (match) {
      const words = match[1]!.trim().toLowerCase().split(/\s+/)
      for (const word of words) if (cssStyles[word] !== undefined) return cssStyles[word]
      return 'other'
    }
  }
  const type = element.properties['type']
  if (typeof type === 'string') return typeStyles[type] ?? 'other'
  return undefined
}

/** A letter numbering (`a` ... `z`, `aa` ...), as CSS's alphabetic counter style draws positive values. */
function letters(value: number): string {
  let out = ''
  for (let n = value; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out
  return out
}

/** A lower-case roman numeral for 1 to 3999, as CSS's `lower-roman` draws it. */
function roman(value: number): string {
  const parts: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
  let out = ''
  let rest = value
  for (const [size, numeral] of parts) {
    while (rest >= size) {
      out += numeral
      rest -= size
    }
  }
  return out
}

/** An ordinal value drawn in a style; `undefined` for a style or value it cannot draw (alphabetic and roman need 1 or more, roman at most 3999). */
function draw(value: number, style: NumberStyle): string | undefined {
  if (style === 'decimal') return String(value)
  if (value < 1) return undefined
  if (style === 'lower-alpha') return letters(value)
  if (style === 'upper-alpha') return letters(value).toUpperCase()
  if (value > 3999) return undefined
  if (style === 'lower-roman') return roman(value)
  if (style === 'upper-roman') return roman(value).toUpperCase()
  return undefined
}

/**
 * The number an `<ol>` draws before `item` (one of its `li` children), as
 * shown (`3`, `c`, `iii`); `undefined` when `list` is no `<ol>`, or it
 * draws no number (`list-style: none`) or one in a style not read here.
 */
export function listNumber(item: Element, list: Element | undefined): string | undefined {
  if (!list || list.tagName !== 'ol' || item.tagName !== 'li') return undefined
  const items = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  const reversed = list.properties['reversed'] !== undefined && list.properties['reversed'] !== false && list.properties['reversed'] !== null
  let value = integerAttribute(list, 'start') ?? (reversed ? items.length : 1)
  for (const each of items) {
    value = integerAttribute(each, 'value') ?? value
    if (each === item) {
      const style = styleOf(each) ?? styleOf(list) ?? 'decimal'
      return draw(value, style)
    }
    value += reversed ? -1 : 1
  }
  return undefined
}

/** The text of a node, all of it (for the opening of a note). */
function textOf(node: Element | Element['children'][number]): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}

/**
 * The number written at the start of a note, as its reader sees it: in
 * brackets (`[3]`, `(3)`), followed by a dot or a parenthesis and a space
 * (`3. Source`, `3) Source`), or alone in the link, `<sup>` or `<span>`
 * that opens the note (Word's and Google Docs' `<a href="#_ftnref3">[3]</a>`,
 * Project Gutenberg's `<a ...><span class="label">[3]</span></a>`).
 * `undefined` when the note opens with anything else (a year such as
 * `1990 was` is no number of the note).
 */
export function writtenNumber(note: Element): string | undefined {
  const opening = textOf(note).slice(0, 40)
  const match = /^\s*(?:\[\s*(\d{1,4})\s*\]|\((\d{1,4})\)|(\d{1,4})[.)](?=\s))/.exec(opening)
  if (match) return match[1] ?? match[2] ?? match[3]
  // A bare number alone in the element that opens the note.
  let node: Element | undefined = note
  while (node) {
    const first: Element['children'][number] | undefined = node.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''))
    if (!first || first.type !== 'element') return undefined
    if (first.tagName === 'a' || first.tagName === 'sup' || first.tagName === 'span') {
      const text = textOf(first).trim()
      return /^\d{1,4}$/.test(text) ? text : undefined
    }
    node = first
  }
  return undefined
}
