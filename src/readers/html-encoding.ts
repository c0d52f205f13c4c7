/**
 * The character encoding of an HTML page's bytes, as the HTML Living
 * Standard's "determining the character encoding" (13.2.3.2) does it
 * without a transport layer: a byte order mark (UTF-8, UTF-16LE,
 * UTF-16BE) first; else the prescan of the first 1024 bytes for
 * `<meta charset="...">` or `<meta http-equiv="Content-Type"
 * content="...; charset=...">`; else UTF-8. Labels are WHATWG Encoding
 * labels, which `TextDecoder` takes (`iso-8859-1` decodes as windows-1252,
 * as browsers do). A declared UTF-16 in a page without a byte order mark
 * is read as UTF-8, as the standard says.
 */

/** An encoding found for a page. */
export interface HtmlEncoding {
  /** A WHATWG Encoding label, lowercase. */
  readonly label: string
  /** Whether it came from a byte order mark. */
  readonly bom: boolean
}

/** The encoding of `bytes` (see the module comment). Never throws. */
export function htmlEncoding(bytes: Uint8Array): HtmlEncoding {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return {label: 'utf-8', bom: true}
  if (a === 0xff && b === 0xfe) return {label: 'utf-16le', bom: true}
  if (a === 0xfe && b === 0xff) return {label: 'utf-16be', bom: true}
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const metas = head.match(/<meta\b[^>]*>/gi) ?? []
  for (const meta of metas) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)
    if (!charset) continue
    if (!/\bcharset\s*=/i.test(meta.replace(/\bcontent\s*=\s*("[^"]*"|'[^']*')/i, '')) && !/http-equiv\s*=\s*["']?content-type/i.test(meta)) continue
    const label = charset[1]!.toLowerCase()
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
