/** `npm run docs`: rewrite the README's rule table and convention list from the rules' `meta` and the conventions' documentation. */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {conventions} from '../src/citation-index/conventions.js'
import {withConventionList, withRuleTable} from '../src/docs/readme.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const readme = path.join(root, 'README.md')
const sources = new Map(conventions.map(({meta}) => [meta.id, readFileSync(path.join(root, 'conventions', `${meta.id}.ts`), 'utf8')]))
writeFileSync(readme, withConventionList(withRuleTable(readFileSync(readme, 'utf8')), sources))
console.log(`Updated the rule table and the convention list in ${readme}`)
