#!/usr/bin/env node
// The language server alone: `citelint-lsp --stdio`, the same as `citelint --lsp --stdio`.
// It runs the bundle (dist/bundle/, built by scripts/bundle.mjs).
import {startServer} from '../dist/bundle/lsp.js'

startServer()
