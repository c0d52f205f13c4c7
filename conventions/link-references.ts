/**
 * Links are not markers: the text of a link (`[the report](https://...)`)
 * and of a link reference is never read for markers, and in particular
 * `[1]` that resolves to a link definition `[1]: https://...` is a link
 * (CommonMark "Link reference definitions"), the way many Markdown posts
 * number their sources. Markdown only.
 *
 * - Excludes: `see [1]` with `[1]: https://example.org` defined, and
 * `[[1]](#note-1)`.
 * - Must not exclude: a GFM call inside link text, `[the report[^1]](https://...)`:
 * GitHub renders it as a call, defined or not (the GFM convention's calls
 * are read as the parser reads them, and no exclusion applies to them).
 *
 * It proposes no references or notes, only the spans of link text, in which
 * the resolver drops every candidate found by scanning text.
 */
import type {Convention, DocumentView, Exclusion} from '../src/citation-index/convention.js'

const convention: Convention = {
  meta: {
    id: 'link-references',
    description: 'Link text and `[1]` resolving to a link definition `[1]: url` are links, not markers',
    formats: ['markdown']
  },
  *detect(document: DocumentView): Iterable<Exclusion> {
    for (const block of document.blocks) {
      for (const link of block.links) yield {exclude: true, start: link.start, end: link.end}
    }
  }
}

export default convention
