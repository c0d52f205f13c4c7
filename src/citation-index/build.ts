/**
 * The citation index: `tree -> walk -> conventions -> resolver -> frozen
 * index`. It records facts (this marker's label is `v`, roman style; this
 * note's content is `, October 7, 2015.`); rules make the judgements.
 *
 * What counts as a marker is decided by the conventions (`conventions/`,
 * one file each), which propose candidates, and the resolver
 * (`resolver.ts`), which decides document-wide which of them stand.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {readerOf} from '../readers/registry.js'
import {assembleIndex} from './assemble.js'
import type {Candidate, Exclusion} from './convention.js'
import {conventions} from './conventions.js'
import {crossReferencesOf} from './cross-references.js'
import {resolveCandidates} from './resolver.js'
import {spanMaker} from './span.js'
import type {CitationIndex, Format} from './types.js'
import {walkDocument} from './walk.js'

/**
 * Build the citation index of `tree`, parsed from `file` (whose `value` must
 * be the exact text that was parsed) in `format`.
 *
 * Positions: 1-based lines and columns, UTF-16 offsets, end exclusive; all
 * computed with vfile-location from offsets in the tree. Nodes without
 * positions are skipped. The result and everything in it is frozen. Never
 * throws on a tree produced by the format's reader.
 */
export function buildCitationIndex(tree: Root, file: VFile, format: Format): CitationIndex {
  const source = String(file.value)
  const document = walkDocument(tree, source, format, readerOf(format).notProse)
  const proposed: Array<Candidate | Exclusion> = []
  for (const convention of conventions) {
    if (convention.meta.formats.includes(format)) for (const item of convention.detect(document)) proposed.push(item)
  }
  const found = resolveCandidates(source, format, document.blocks, proposed)
  const span = spanMaker(source)
  const index = assembleIndex(found, format, span)
  if (format !== 'docx') return index
  return Object.freeze({...index, crossReferences: crossReferencesOf(tree, index.notes, span)})
}
