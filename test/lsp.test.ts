/**
 * End to end: the language server as a child process, spoken to in
 * JSON-RPC over stdio as an editor does (LSP 3.17 base protocol framing:
 * `Content-Length` header, blank line, JSON body).
 */
import {spawn} from 'node:child_process'
import type {ChildProcessWithoutNullStreams} from 'node:child_process'
import {readFileSync} from 'node:fs'
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
}

/** A minimal LSP client: send requests and notifications, await messages. */
class Client {
  readonly #child: ChildProcessWithoutNullStreams
  readonly #received: Message[] = []
  readonly #waiters: Array<() => void> = []
  #buffer = Buffer.alloc(0)
  #id = 0

  constructor(args: string[]) {
    this.#child = spawn(process.execPath, [path.join(root, 'bin/citelint.js'), ...args], {cwd: root})
    this.#child.stdout.on('data', (chunk: Buffer) => this.#read(chunk))
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

  exited(): Promise<number | null> {
    return new Promise((resolve) => this.#child.on('exit', (code) => resolve(code)))
  }
}

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

test.run()
