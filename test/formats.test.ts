/**
 * Formats by extension: `.Rmd` and `.qmd` are Markdown, and the config key
 * `formats` maps other extensions to a format.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {ConfigError, validateConfig} from '../src/engine/config.js'
import {lintText} from '../src/engine/engine.js'
import {formatOf} from '../src/readers/format.js'

test('R Markdown and Quarto files are Markdown, any case', () => {
  for (const name of ['a.Rmd', 'a.rmd', 'dir/a.qmd', 'a.QMD', 'a.md']) assert.is(formatOf(name), 'markdown', name)
  for (const name of ['a.txt', 'a.mdx', 'a', undefined]) assert.is(formatOf(name), 'text', String(name))
})

test('a `formats` mapping wins over the built-in extensions', () => {
  assert.is(formatOf('notes.MDX', {mdx: 'markdown'}), 'markdown')
  assert.is(formatOf('notes.md', {md: 'text'}), 'text')
  assert.is(formatOf('dir.mdx/notes', {mdx: 'markdown'}), 'text')
})

test('`formats` is validated', () => {
  assert.not.throws(() => validateConfig({formats: {mdx: 'markdown', log: 'text'}}, 'c.json'))
  assert.throws(() => validateConfig({formats: {mdx: 'html'}}, 'c.json'), (e: unknown) => e instanceof ConfigError && /invalid format "html" for `mdx`/.test(e.message))
  assert.throws(() => validateConfig({formats: {'.mdx': 'markdown'}}, 'c.json'), (e: unknown) => e instanceof ConfigError && /invalid extension/.test(e.message))
  assert.throws(() => validateConfig({formats: ['mdx']}, 'c.json'), (e: unknown) => e instanceof ConfigError)
})

test('lintText reads a mapped extension in its format', () => {
  const text = 'Talks stalled.[^1]\n'
  const asText = lintText(text, {filePath: 'a.mdx'})
  const asMarkdown = lintText(text, {filePath: 'a.mdx', config: {formats: {mdx: 'markdown'}}})
  assert.is(asText.index.format, 'text')
  assert.is(asMarkdown.index.format, 'markdown')
})

test.run()
