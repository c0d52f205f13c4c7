/** `npm run docs`: rewrite the README's rule table from the rules' `meta`, and the convention list of docs/conventions.md from the conventions' documentation. */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {conventions} from '../src/citation-index/conventions.js'
import {conventionsDoc, withConventionList, withRuleTable} from '../src/docs/readme.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const readme = path.join(root, 'README.md')
const sources = new Map(conventions.map(({meta}) => [meta.id, readFileSync(path.join(root, 'conventions', `${meta.id}.ts`), 'utf8')]))
const conventionsFile = path.join(root, conventionsDoc)
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8')))
writeFileSync(conventionsFile, withConventionList(readFileSync(conventionsFile, 'utf8'), sources))
console.log(`Updated the rule table in ${readme} and the convention list in ${conventionsFile}`)
