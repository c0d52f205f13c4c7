#!/usr/bin/env node
// The language server alone: `citelint-lsp --stdio`, the same as `citelint --lsp --stdio`.
import {startServer} from '../dist/src/lsp.js'

startServer()
