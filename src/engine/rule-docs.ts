/**
 * Where a rule's documentation lives. Apart from the engine so that the
 * reporters (SARIF's `helpUri`) and the cache can name it without loading
 * the parser.
 */
import {packageRoot} from './package-root.js'

/** The documentation of rule `ruleId`: the head of its source file in the package (a `file:` URL). */
export function ruleDocsUrl(ruleId: string): string {
  return new URL(`rules/${ruleId}.ts`, packageRoot).href
}
