/**
 * End to end: the language server as a child process, spoken to in
 * JSON-RPC over stdio as an editor does (LSP 3.17 base protocol framing:
 * `Content-Length` header, blank line, JSON body).
 */
import {spawn, spawnSync} from 'node:child_process'
import type {ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {available, root, shared} from './helpers.js'

interface Message {
  id?: number
  method?: string
  params?: any // eslint-disable-line @typescript-eslint/no-explicit-any
  result?: any // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: {code: number; message: string}
}

interface Position {
  line: number
  character: number
}
interface Diagnostic {
  range: {start: Position; end: Position}
  message: string
  code?: string
  severity?: number
  source?: string
  codeDescription?: {href: string}
  data?: unknown
}
interface Edit {
  range: {start: Position; end: Position}
  newText: string
}
interface Action {
  title: string
  edit: {changes?: Record<string, Edit[]>; documentChanges?: Array<{textDocument: {uri: string; version: number}; edits: Edit[]}>}
}

/** `text` with `edits` applied (LSP semantics: all ranges refer to the text before any edit). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split(/(?<=\n)/)
  const offset = (p: Position): number => lines.slice(0, p.line).join('').length + p.character
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
  let result = text
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end))
  return result
}

/** A minimal LSP client: send requests and notifications, await messages. */
class Client {
  /** Every server started, so that a failed test leaves none running. */
  static readonly started = new Set<ChildProcessWithoutNullStreams>()
  readonly #child: ChildProcessWithoutNullStreams
  readonly #received: Message[] = []
  readonly #waiters: Array<() => void> = []
  #buffer = Buffer.alloc(0)
  #id = 0

  constructor(args: string[], script = 'bin/citelint.js') {
    this.#child = spawn(process.execPath, [path.join(root, script), ...args], {cwd: root})
    this.#child.stdout.on('data', (chunk: Buffer) => this.#read(chunk))
    Client.started.add(this.#child)
    this.#child.on('exit', () => Client.started.delete(this.#child))
  }

  #read(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk])
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1])
      if (this.#buffer.length < headerEnd + 4 + length) return
      const body = this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length)
      this.#received.push(JSON.parse(body) as Message)
      for (const wake of this.#waiters.splice(0)) wake()
    }
  }

  send(message: Message): void {
    const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', ...message}), 'utf8')
    this.#child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
    this.#child.stdin.write(body)
  }

  notify(method: string, params: unknown): void {
    this.send({method, params})
  }

  async request(method: string, params: unknown): Promise<Message> {
    const id = ++this.#id
    this.send({id, method, params})
    return this.waitFor((m) => m.id === id && m.method === undefined)
  }

  /** The first received message matching `test` (removed from the queue); fails after 10 s. */
  async waitFor(match: (message: Message) => boolean): Promise<Message> {
    const deadline = Date.now() + 10_000
    for (;;) {
      const i = this.#received.findIndex(match)
      if (i >= 0) return this.#received.splice(i, 1)[0]!
      if (Date.now() > deadline) throw new Error('timed out waiting for a message from the server')
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
  }

  /** Start the session (`initialize`, then `initialized`); resolves to the server's capabilities. */
  async start(capabilities: unknown = {}, rootUri: string | null = null): Promise<Record<string, unknown>> {
    const init = await this.request('initialize', {processId: process.pid, rootUri, capabilities})
    this.notify('initialized', {})
    return init.result.capabilities as Record<string, unknown>
  }

  /** Open a document; resolves to the diagnostics first published for it. */
  async open(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    this.notify('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
    return (await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)).params.diagnostics as Diagnostic[]
  }

  /** The code actions offered for `diagnostics`. */
  async actions(uri: string, diagnostics: Diagnostic[]): Promise<Action[]> {
    const range = diagnostics[0]?.range ?? {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    return (await this.request('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics}})).result as Action[]
  }

  /** `shutdown`, then `exit`; resolves to the exit code. */
  async stop(): Promise<number | null> {
    await this.request('shutdown', null)
    const exited = this.exited()
    this.notify('exit', null)
    return exited
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => this.#child.on('exit', (code) => resolve(code)))
  }
}

test.after.each(() => {
  for (const child of Client.started) child.kill()
})

const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')

test('diagnostics on open, a code action that fixes note-order, shutdown and exit', async () => {
  if (!available(seed, 'seed report')) return
  const client = new Client(['--lsp', '--stdio'])
  const init = await client.request('initialize', {processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}})
  assert.ok(init.result.capabilities.codeActionProvider)
  client.notify('initialized', {})

  const seedUri = pathToFileURL(seed).href
  client.notify('textDocument/didOpen', {textDocument: {uri: seedUri, languageId: 'plaintext', version: 1, text: readFileSync(seed, 'utf8')}})
  const published = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === seedUri)
  const diagnostics = published.params.diagnostics as Array<{range: {start: {line: number; character: number}; end: {line: number; character: number}}; code: string; severity: number; codeDescription?: {href: string}}>
  assert.equal(
    diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    [
      ['broken-marker', 1, 17, 1188, 17, 1191],
      ['empty-source', 1, 25, 0, 25, 21],
      ['empty-source', 1, 29, 0, 29, 21]
    ]
  )
  assert.ok(diagnostics[0]!.codeDescription!.href.endsWith('/rules/broken-marker.ts'))

  const exampleUri = pathToFileURL(path.join(root, 'examples/note-order.txt')).href
  const text = readFileSync(path.join(root, 'examples/note-order.txt'), 'utf8')
  client.notify('textDocument/didOpen', {textDocument: {uri: exampleUri, languageId: 'plaintext', version: 1, text}})
  const order = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === exampleUri)
  const first = order.params.diagnostics[0]
  assert.is(first.code, 'note-order')
  const actions = await client.request('textDocument/codeAction', {
    textDocument: {uri: exampleUri},
    range: first.range,
    context: {diagnostics: [first]}
  })
  const fix = (actions.result as Array<{title: string; edit: {changes: Record<string, Array<{range: unknown; newText: string}>>}}>)[0]!
  assert.ok(fix.title.startsWith('Fix: Out-of-order reference `[1]`'))
  assert.equal(
    fix.edit.changes[exampleUri]!.map((e) => e.newText),
    ['1', '2', '3', '[1] Financial Courier, July 1, 2026.', '[2] Central Bank Statement, June 30, 2026.', '[3] Market Watch (Capital), July 2, 2026.']
  )

  const shutdown = await client.request('shutdown', null)
  assert.is(shutdown.result, null)
  const exited = client.exited()
  client.notify('exit', null)
  assert.is(await exited, 0)
})

test('a code action asked before initialize is refused with ServerNotInitialized (-32002)', async () => {
  const client = new Client(['--lsp', '--stdio'])
  const early = await client.request('textDocument/codeAction', {textDocument: {uri: 'file:///x.md'}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})
  assert.is(early.error?.code, -32002)
  await client.start()
  const later = await client.request('textDocument/codeAction', {textDocument: {uri: 'file:///x.md'}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})
  assert.equal([later.error, later.result], [undefined, []])
  assert.is(await client.stop(), 0)
})

test('Markdown diagnostics offer a citelint-disable-next-line comment', async () => {
  const client = new Client(['--lsp', '--stdio'])
  await client.request('initialize', {processId: process.pid, rootUri: null, capabilities: {}})
  client.notify('initialized', {})
  const uri = pathToFileURL(path.join(root, 'unsaved.md')).href
  client.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: 'Intro.\n\n  A claim.[^x]\n'}})
  const published = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)
  const diagnostic = published.params.diagnostics[0]
  assert.is(diagnostic.code, 'undefined-reference')
  const actions = await client.request('textDocument/codeAction', {textDocument: {uri}, range: diagnostic.range, context: {diagnostics: [diagnostic]}})
  assert.equal(actions.result, [
    {
      title: 'Disable undefined-reference for the next line',
      kind: 'quickfix',
      diagnostics: [diagnostic],
      edit: {changes: {[uri]: [{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, newText: '  <!-- citelint-disable-next-line undefined-reference -->\n'}]}}
    }
  ])
  // A change is checked again after a pause.
  client.notify('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: 'Intro.\n\nA claim.[^x]\n\n[^x]: Source, 2026.\n'}]})
  const again = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)
  assert.equal(again.params.diagnostics, [])
  // Markdown the parser refuses (nested too deep) gets one diagnostic on the line that goes too deep.
  client.notify('textDocument/didChange', {textDocument: {uri, version: 3}, contentChanges: [{text: `Intro.\n\n${'> '.repeat(150)}x\n`}]})
  const refused = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 3)
  assert.equal(refused.params.diagnostics, [
    {
      range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}},
      severity: 1,
      source: 'citelint',
      message: 'Markdown nested too deep: line 3 opens up to 150 block quotes, list items or footnote definitions, at most 100 are parsed; not linted'
    }
  ])
  await client.request('shutdown', null)
  const exited = client.exited()
  client.notify('exit', null)
  assert.is(await exited, 0)
})

test('no transport flag: stdio, as --help says; a transport that cannot work is a one-line usage error', async () => {
  for (const [args, script] of [[['--lsp'], 'bin/citelint.js'], [[], 'bin/citelint-lsp.js']] as const) {
    const client = new Client([...args], script)
    const capabilities = await client.start()
    assert.ok(capabilities['codeActionProvider'], script)
    assert.is(await client.stop(), 0, script)
  }
  const cases: Array<[string[], string]> = [
    [['--socket=abc'], 'citelint-lsp: --socket: invalid port `abc`, expected a number from 1 to 65535'],
    [['--socket'], 'citelint-lsp: --socket: expected a port number, such as --socket=5007'],
    [['--pipe='], 'citelint-lsp: --pipe: expected a pipe name, such as --pipe=/tmp/citelint.sock'],
    [['--node-ipc'], 'citelint-lsp: --node-ipc: this process has no IPC channel to a parent, use --stdio']
  ]
  for (const [args, message] of cases) {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/citelint-lsp.js'), ...args], {input: '', encoding: 'utf8'})
    assert.is(run.status, 2, args.join(' '))
    assert.is(run.stdout, '')
    assert.is(run.stderr, `${message}\nRun \`citelint-lsp --help\` for usage.\n`)
  }
  // The CLI knows only --stdio: other transports are unknown arguments there.
  const cli = spawnSync(process.execPath, [path.join(root, 'bin/citelint.js'), '--lsp', '--socket=abc'], {input: '', encoding: 'utf8'})
  assert.is(cli.status, 2)
  assert.is(cli.stderr, 'citelint: Unknown argument: socket\nRun `citelint --help` for usage.\n')
})

const orderText = 'First.[2] Second.[1]\n\n[1] Alpha News, March 1, 2026.\n[2] Beta Times, March 2, 2026.\n'

test('code actions for diagnostics of an older version: matched against the current text, never stale offsets', async () => {
  const client = new Client(['--lsp', '--stdio'])
  await client.start()
  const uri = pathToFileURL(path.join(root, 'unsaved-order.txt')).href
  const old = await client.open(uri, 'plaintext', orderText)
  assert.equal(
    old.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
[['note-order', 0, 17, 0, 20]])
  // Up to date: the fix renumbers both references and swaps the notes.
  const fresh = await client.actions(uri, old)
  assert.is(applyEdits(orderText, fresh[0]!.edit.changes![uri]!), 'First.[1] Second.[2]\n\n[1] Beta Times, March 2, 2026.\n[2] Alpha News, March 1, 2026.\n')

  const changed = `Intro text. ${orderText}`
  client.notify('textDocument/didChange', {
    textDocument: {uri, version: 2},
    contentChanges: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'Intro text. '}]
  })
  // At once, within the pause before the re-check: the old ranges name nothing in the new text.
  assert.equal(await client.actions(uri, old), [])
  // The client moved the ranges with the edit (as editors move markers): fixes made for the new text.
  const moved = old.map((d) => ({...d, range: {start: {...d.range.start, character: d.range.start.character + 12}, end: {...d.range.end, character: d.range.end.character + 12}}}))
  const actions = await client.actions(uri, moved)
  assert.equal(actions.map((a) => a.title), ['Fix: Out-of-order reference `[1]`: note 1 is first cited after note 2, expected ascending order'])
  assert.is(
    applyEdits(changed, actions[0]!.edit.changes![uri]!),
    'Intro text. First.[1] Second.[2]\n\n[1] Beta Times, March 2, 2026.\n[2] Alpha News, March 1, 2026.\n'
  )
  assert.is(await client.stop(), 0)
})

test('with documentChanges support, edits name the document version they were made for', async () => {
  const client = new Client(['--lsp'])
  await client.start({workspace: {workspaceEdit: {documentChanges: true}}})
  const uri = pathToFileURL(path.join(root, 'unsaved-order.txt')).href
  const diagnostics = await client.open(uri, 'plaintext', orderText)
  const actions = await client.actions(uri, [diagnostics[0]!])
  assert.is(actions[0]!.edit.changes, undefined)
  assert.equal(actions[0]!.edit.documentChanges!.map((change) => [change.textDocument, change.edits.length]), [[{uri, version: 1}, 4]])
  assert.is(await client.stop(), 0)
})

test('disable-next-line is offered only where the comment line cannot split a block', async () => {
  const client = new Client(['--lsp', '--stdio'])
  await client.start()
  const cases: Array<[string, string, number, string | undefined]> = [
    // The report's note: a comment before its second line would end the note after "Alpha News,".
    ['note.md', 'Claim.[^1]\n\n[^1]: Alpha News,\n  October 7, 2015. See [^7].\n', 3, undefined],
    // The second line of a body paragraph.
    ['paragraph.md', 'Intro.\n\nA first line,\nthen a claim.[^x]\n', 3, undefined],
    // A list item after a blank line: the comment would end the list.
    ['list.md', '- One.\n\n- A claim.[^x]\n', 2, undefined],
    // The first line of a paragraph: the comment is a block of its own before it.
    ['first.md', 'Intro.\n\nA claim.[^x]\nA second line.\n', 2, 'Intro.\n\n<!-- citelint-disable-next-line undefined-reference -->\nA claim.[^x]\nA second line.\n'],
    // A later paragraph of a list item: the comment keeps the item's indent and stays in it.
    ['item.md', '- One.\n\n  A claim.[^x]\n', 2, '- One.\n\n  <!-- citelint-disable-next-line undefined-reference -->\n  A claim.[^x]\n'],
    // The first line of the document.
    ['top.md', 'A claim.[^x]\n', 0, '<!-- citelint-disable-next-line undefined-reference -->\nA claim.[^x]\n']
  ]
  for (const [name, text, line, expected] of cases) {
    const uri = pathToFileURL(path.join(root, name)).href
    const diagnostics = await client.open(uri, 'markdown', text)
    assert.equal(diagnostics.map((d) => [d.code, d.range.start.line]), [['undefined-reference', line]], name)
    const actions = await client.actions(uri, diagnostics)
    if (expected === undefined) {
      assert.equal(actions, [], name)
      continue
    }
    assert.equal(actions.map((a) => a.title), ['Disable undefined-reference for the next line'], name)
    const fixed = applyEdits(text, actions[0]!.edit.changes![uri]!)
    assert.is(fixed, expected, name)
    // The comment does what it says: the finding is gone and nothing else appears.
    client.notify('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: fixed}]})
    const after = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 2)
    assert.equal(after.params.diagnostics, [], name)
  }
  assert.is(await client.stop(), 0)
})

test('HTML: disable-next-line above a line outside tags, pre and comments; the comment silences the finding', async () => {
  const client = new Client(['--lsp', '--stdio'])
  await client.start()
  const page = (li: string): string =>
    '<p>Fell.<sup><a href="#fn1" id="fnref1">1</a></sup> Blamed.<sup><a href="#fn2" id="fnref2">2</a></sup></p>\n' +
    '<section class="footnotes"><ol>\n<li id="fn1">Ministry, Bulletin, 2015. <a href="#fnref1">↩</a></li>\n' +
    li +
    '</ol></section>\n'
  const cases: Array<[string, string, number, string | undefined]> = [
    ['line.html', page('  <li id="fn2">Reuters, May 3, 2015. <a href="#fnref9">↩</a></li>\n'), 3, '  <!-- citelint-disable-next-line undefined-reference -->\n'],
    // The line starts inside a tag whose attributes span lines: a comment there would be an attribute.
    ['tag.html', page('  <li\nid="fn2">Reuters, May 3, 2015. <a href="#fnref9">↩</a></li>\n'), 4, undefined]
  ]
  for (const [name, text, line, inserted] of cases) {
    const uri = pathToFileURL(path.join(root, name)).href
    const diagnostics = await client.open(uri, 'html', text)
    assert.equal(diagnostics.map((d) => [d.code, d.range.start.line]), [['undefined-reference', line]], name)
    const actions = await client.actions(uri, diagnostics)
    if (inserted === undefined) {
      assert.equal(actions, [], name)
      continue
    }
    assert.equal(actions.map((a) => a.title), ['Disable undefined-reference for the next line'], name)
    const fixed = applyEdits(text, actions[0]!.edit.changes![uri]!)
    const lines = text.split('\n')
    assert.is(fixed, [...lines.slice(0, line), inserted.slice(0, -1), ...lines.slice(line)].join('\n'), name)
    client.notify('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: fixed}]})
    const after = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 2)
    assert.equal(after.params.diagnostics, [], name)
  }
  assert.is(await client.stop(), 0)
})

test('untitled buffers take their format from the language id; another host and a broken config are said, not silent', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-lsp-'))
  try {
    const client = new Client(['--lsp', '--stdio'])
    await client.start({}, pathToFileURL(folder).href)
    // `[^x]` with no note: undefined in Markdown; in plain text a caret label is a broken marker.
    const text = 'A claim.[^x]\n'
    const untitled = await client.open('untitled:Untitled-1', 'markdown', text)
    assert.equal(untitled.map((d) => d.code), ['undefined-reference'])
    const plain = await client.open('untitled:Untitled-2', 'plaintext', '# Notes\n\nA claim.[1] More.[2]\n\n[1] Source, March 1, 2026.\n')
    assert.equal(plain.map((d) => d.code), ['undefined-reference'])
    assert.ok(plain[0]!.message.includes('`[2]`'), plain[0]!.message)

    // An HTML buffer is read as HTML: findings at positions of the HTML source.
    const page = await client.open('untitled:Untitled-3', 'html', '<p>A claim.<a href="#fn1" class="footnote-ref">1</a></p>\n<ol class="footnotes"><li id="fn2">Source, 2026.</li></ol>\n')
    assert.equal(page.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['undefined-reference 0:11', 'unused-note 1:22'])

    const remote = 'file://otherhost/share/report.md'
    const remoteFindings = await client.open(remote, 'markdown', text)
    assert.equal(remoteFindings.map((d) => d.code), ['undefined-reference'])
    const warning = await client.waitFor((m) => m.method === 'window/showMessage')
    assert.equal(warning.params, {type: 2, message: `citelint: ${remote} is on another host; linted as report.md with the config of ${folder}`})

    const report = path.join(folder, 'report.md')
    const uri = pathToFileURL(report).href
    writeFileSync(report, text)
    assert.equal((await client.open(uri, 'markdown', text)).map((d) => d.code), ['undefined-reference'])
    writeFileSync(path.join(folder, '.citelintrc.json'), '{"rules":')
    client.notify('textDocument/didSave', {textDocument: {uri}})
    const broken = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)
    assert.equal(broken.params.diagnostics, [
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        severity: 1,
        source: 'citelint',
        message: `${path.join(folder, '.citelintrc.json')}: invalid JSON: Unexpected end of JSON input; not linted`
      }
    ])
    // Malformed parameters are the client's error, and the server stays up.
    const bad = await client.request('textDocument/codeAction', {textDocument: {uri}, range: null, context: null})
    assert.is(bad.error?.code, -32602)
    assert.equal(await client.actions(uri, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, message: 'x', source: 'citelint'}]), [])
    assert.is(await client.stop(), 0)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('one config file for every document: initializationOptions.configPath (relative to the root), --config, and a missing one said', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-lsp-config-'))
  try {
    // A discovered config that leaves the finding on, and a named one that turns it off.
    writeFileSync(path.join(folder, '.citelintrc.json'), '{"rules": {"undefined-reference": "error"}}')
    const named = path.join(folder, 'quiet.json')
    writeFileSync(named, '{"rules": {"undefined-reference": "off"}}')
    const report = path.join(folder, 'report.md')
    const text = 'A claim.[^x]\n'
    writeFileSync(report, text)
    const uri = pathToFileURL(report).href
    const rootUri = pathToFileURL(folder).href
    const session = async (client: Client, initializationOptions?: unknown): Promise<Diagnostic[]> => {
      await client.request('initialize', {processId: process.pid, rootUri, capabilities: {}, ...(initializationOptions === undefined ? {} : {initializationOptions})})
      client.notify('initialized', {})
      const diagnostics = await client.open(uri, 'markdown', text)
      assert.is(await client.stop(), 0)
      return diagnostics
    }
    assert.equal((await session(new Client(['--lsp']))).map((d) => d.code), ['undefined-reference'])
    assert.equal(await session(new Client(['--lsp']), {configPath: 'quiet.json'}), [])
    assert.equal(await session(new Client(['--config', named], 'bin/citelint-lsp.js')), [])
    assert.equal(await session(new Client(['--lsp', `--config=${named}`])), [])
    // The client's setting wins over the command line; an empty one names none.
    assert.equal((await session(new Client([`--config=${named}`], 'bin/citelint-lsp.js'), {configPath: '.citelintrc.json'})).map((d) => d.code), ['undefined-reference'])
    assert.equal(await session(new Client([`--config=${named}`], 'bin/citelint-lsp.js'), {configPath: ''}), [])
    const missing = await session(new Client([], 'bin/citelint-lsp.js'), {configPath: 'nowhere.json'})
    assert.equal(missing.map((d) => d.message), [`${path.join(folder, 'nowhere.json')}: cannot load config: no such file; not linted`])

    const client = new Client([], 'bin/citelint-lsp.js')
    await client.request('initialize', {processId: process.pid, rootUri, capabilities: {}, initializationOptions: {configPath: 7}})
    const warning = await client.waitFor((m) => m.method === 'window/showMessage')
    assert.equal(warning.params, {type: 2, message: 'citelint: initializationOptions.configPath is not a string; ignored'})
    client.notify('initialized', {})
    assert.equal((await client.open(uri, 'markdown', text)).map((d) => d.code), ['undefined-reference'])
    assert.is(await client.stop(), 0)

    const run = spawnSync(process.execPath, [path.join(root, 'bin/citelint-lsp.js'), '--config'], {input: '', encoding: 'utf8'})
    assert.is(run.status, 2)
    assert.is(run.stderr, 'citelint-lsp: --config: expected a config file path, such as --config=.citelintrc.json\nRun `citelint-lsp --help` for usage.\n')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a fixable finding without a fix gets a disabled action saying why, for clients that show them', async () => {
  const text = 'Moscow agreed.[2] Tehran denied it.[1] See [7].\n\n[2] Reuters, 2015.\n\n[1] AP, 2015.\n'
  const uri = pathToFileURL(path.join(root, 'unsaved-order.txt')).href
  for (const disabledSupport of [true, false]) {
    const client = new Client(['--lsp', '--stdio'])
    await client.start({textDocument: {codeAction: {disabledSupport}}})
    const diagnostics = await client.open(uri, 'plaintext', text)
    const order = diagnostics.find((d) => d.code === 'note-order')!
    const actions = await client.actions(uri, [order])
    const reason = 'renumbering is withheld while reference `[7]` resolves to no note, as it could end up pointing to another note'
    assert.equal(actions, disabledSupport ? [{title: `No fix: ${reason}`, kind: 'quickfix', diagnostics: [order], disabled: {reason: `Not fixed: ${reason}`}}] : [])
    assert.is(await client.stop(), 0)
  }
})

test.run()
