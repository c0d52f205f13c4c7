/**
 * A convention that declares an HTML footnote markup (`HtmlMarkup`, see
 * `src/readers/html-markups.ts`) and proposes nothing itself: the HTML
 * reader finds the references and notes its markup writes, and the
 * `html-notes` convention proposes them, whatever their markup.
 */
import type {Convention, ConventionMeta, HtmlMarkup} from './convention.js'

/** A markup-declaring convention for HTML pages: `meta.formats` is `['html']`; `detect` yields nothing. */
export function markupConvention(meta: Omit<ConventionMeta, 'formats'>, htmlMarkup: HtmlMarkup): Convention {
  return {
    meta: {...meta, formats: ['html']},
    htmlMarkup,
    *detect() {}
  }
}
