/**
 * The character encoding of an HTML page's bytes, as the HTML Living
 * Standard's "determining the character encoding" (13.2.3.2) does it
 * without a transport layer: a byte order mark (UTF-8, UTF-16LE,
 * UTF-16BE) first; else the prescan of the first 1024 bytes for
 * `<meta charset="...">` or `<meta http-equiv="Content-Type"
 * content="...; charset=...">`; else UTF-8. Labels are WHATWG Encoding
 * labels, which `TextDecoder` takes (`iso-8859-1` decodes as windows-1252,
 * as browsers do). A declared UTF-16 in a page without a byte order mark
 * is read as UTF-8, as the standard says. (A simplified prescan: attributes
 * are found by name in the tag's text, comments are not skipped.)
 */

/** An encoding found for a page. */
export interface HtmlEncoding {
  /** A WHATWG Encoding label, lowercase. */
  readonly label: string
  /** Whether it came from a byte order mark. */
  readonly bom: boolean
}

const labelChars = /[\w.:-]+/y

/** The value after `charset` `=` in `tag` (from `from`), or `undefined`. */
function charsetIn(tag: string, from: number): string | undefined {
  const at = tag.indexOf('charset', from)
  if (at < 0) return undefined
  let i = at + 7
  while (tag.charAt(i) === ' ' || tag.charAt(i) === '\t' || tag.charAt(i) === '\n' || tag.charAt(i) === '\r') i++
  if (tag.charAt(i) !== '=') return charsetIn(tag, at + 7)
  i++
  while (tag.charAt(i) === ' ' || tag.charAt(i) === '"' || tag.charAt(i) === "'") i++
  labelChars.lastIndex = i
  return labelChars.exec(tag)?.[0]
}

/** The encoding of `bytes` (see the module comment). Never throws. */
export function htmlEncoding(bytes: Uint8Array): HtmlEncoding {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return {label: 'utf-8', bom: true}
  if (a === 0xff && b === 0xfe) return {label: 'utf-16le', bom: true}
  if (a === 0xfe && b === 0xff) return {label: 'utf-16be', bom: true}
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase()
  for (let start = head.indexOf('<meta'); start >= 0; start = head.indexOf('<meta', start + 5)) {
    const close = head.indexOf('>', start)
    const tag = head.slice(start, close < 0 ? head.length : close)
    // `<meta charset=...>`, or `content="...charset=..."` with `http-equiv="content-type"`.
    const equiv = tag.includes('http-equiv') && tag.includes('content-type')
    const contentAt = tag.indexOf('content=')
    const direct = charsetIn(contentAt < 0 ? tag : tag.slice(0, contentAt), 0)
    const label = direct ?? (equiv ? charsetIn(tag, 0) : undefined)
    if (!label) continue
    if (label.startsWith('utf-16')) return {label: 'utf-8', bom: false}
    try {
      new TextDecoder(label)
      return {label, bom: false}
    } catch {
      return {label: 'utf-8', bom: false}
    }
  }
  return {label: 'utf-8', bom: false}
}
