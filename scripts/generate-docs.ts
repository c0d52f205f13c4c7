/** `npm run docs`: rewrite the README's rule table from the rules' `meta`. */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {withRuleTable} from '../src/docs/readme.js'

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md')
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8')))
console.log(`Updated the rule table in ${readme}`)
