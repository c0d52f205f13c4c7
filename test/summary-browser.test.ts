/**
 * The HTML coverage report in a real browser: headless Chromium (Debian's
 * `chromium` package) driven by playwright-core. The seed's report is
 * opened from a file; the DOM must show 3 uncited prose paragraphs and 1
 * uncited quotation, references linking to their notes, the problems in
 * place, no request beyond the file itself; then a screenshot is taken.
 *
 * SKIP when Chromium or ../shared is absent; under CI=true that fails
 * instead (`.ci/run` installs Chromium). `CITELINT_SCREENSHOT_DIR=dir` keeps
 * the screenshot there; otherwise it is written to a temporary folder that
 * is removed.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {available, root, runCli, shared} from './helpers.js'

// Browser globals used by the functions that run in the page (the project compiles without the DOM library).
declare const document: {getElementById(id: string): {textContent: string | null} | null; documentElement: {scrollWidth: number}}
declare const window: {innerWidth: number}
declare function getComputedStyle(element: unknown): {backgroundColor: string; lineHeight: string}

const chromiumPath = '/usr/bin/chromium'
const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

test('the seed’s HTML report in headless Chromium: highlights, links, problems, screenshot', async () => {
  if (!available(chromiumPath, 'Chromium') || !available(seed, 'seed report')) return
  const {chromium} = await import('playwright-core')
  const work = mkdtempSync(path.join(tmpdir(), 'citelint-browser-'))
  const keep = process.env['CITELINT_SCREENSHOT_DIR']
  // A fresh profile: playwright takes it as the persistent context's folder (`--user-data-dir`).
  const profile = path.join(work, 'profile')
  const context = await chromium.launchPersistentContext(profile, {executablePath: chromiumPath, headless: true, args, viewport: {width: 1280, height: 900}})
  try {
    const html = path.join(work, 'coverage.html')
    const {code, err} = await runCli(['summary', seed, '--format', 'html', '--output-file', html], root)
    assert.equal([code, err], [0, ''])

    const page = context.pages()[0] ?? (await context.newPage())
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    const url = pathToFileURL(html).href
    await page.goto(url)
    assert.equal(requests, [url], 'the page loads nothing but itself')

    const count = (selector: string) =>
      page.$$eval(`.report ${selector}`, (elements) => new Set(elements.map((e) => e.getAttribute('data-id'))).size)
    assert.is(await count('.paragraph.uncited'), 3)
    assert.is(await count('.paragraph.cited'), 3)
    assert.is(await count('.quotation.uncited'), 1)
    assert.is(await count('.quotation.cited'), 1)
    assert.is(await count('a.reference'), 6)
    assert.equal(await page.$$eval('.report .reference.unresolved', (e) => e.map((x) => x.textContent)), ['[v]'])
    assert.ok((await page.textContent('.report .quotation.uncited'))!.startsWith('"In social and political affairs'))
    // Each reference links to a note that exists and holds its marker.
    const links = await page.$$eval('.report a.reference', (anchors) =>
      anchors.map((a) => {
        const target = document.getElementById(a.getAttribute('href')!.slice(1))
        return [a.textContent, target?.textContent?.split(/\s/)[0] ?? null]
      })
    )
    assert.equal(links, [
      ['*', '*'],
      ['[1]', '[1]'],
      ['[2]', '[2],'],
      ['[3]', '[3]'],
      ['[4]', '[4],'],
      ['[5]', '[5]']
    ])
    // The problems are marked where they are, with a visible label.
    assert.equal(
      await page.$$eval('.report mark.problem', (marks) => marks.map((m) => [m.getAttribute('data-rule'), m.textContent!.slice(0, 4)])),
      [
        ['broken-marker', '[v]'],
        ['empty-source', '[2],'],
        ['empty-source', '[4],']
      ]
    )
    assert.ok(await page.isVisible('.report .problem-label.error'))
    // Highlights differ from the page's background; the coverage bar is half full.
    const background = (selector: string) => page.$eval(`.report ${selector}`, (e) => getComputedStyle(e).backgroundColor)
    assert.is.not(await background('.paragraph.uncited'), await background('.paragraph.cited'))
    assert.is.not(await background('.quotation.uncited'), await background('.paragraph.uncited'))
    const bar = await page.$eval('tbody .bar > span', (e) => [e.getBoundingClientRect().width, e.parentElement!.getBoundingClientRect().width])
    assert.ok(Math.abs(bar[0]! / bar[1]! - 0.5) < 0.02, `bar ${bar[0]} of ${bar[1]}`)
    // The file column keeps each path on one line; message code is set as code, without its backticks.
    const pathBox = await page.$eval('tbody a.path', (e) => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).lineHeight)])
    assert.ok(pathBox[0]! < 1.5 * pathBox[1]!, `one line: ${pathBox[0]} for a line of ${pathBox[1]}`)
    assert.equal(await page.$$eval('.report .problem-label code', (e) => e.map((x) => x.textContent).slice(0, 2)), ['[v]', '[5]'])
    // The text does not overflow the page sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))

    // A full-page screenshot, before anything is clicked.
    const folder = keep ?? work
    mkdirSync(folder, {recursive: true})
    const shot = path.join(folder, 'summary-seed.png')
    await page.screenshot({path: shot, fullPage: true})
    const png = readFileSync(shot)
    assert.is(png.subarray(1, 4).toString(), 'PNG')
    assert.ok(png.readUInt32BE(16) === 1280 && png.readUInt32BE(20) > 900, 'a full-page screenshot')

    // Following a reference scrolls to its note.
    await page.click('a.reference[href$="-n1"]')
    assert.ok(await page.$eval(':target', (e) => e.textContent!.startsWith('[1] Al-Akhbar (Lebanon)')))
  } finally {
    await context.close()
    rmSync(work, {recursive: true, force: true})
  }
})

test.run()
