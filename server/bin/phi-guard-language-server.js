#!/usr/bin/env node
// PHI Guard language server. Speaks LSP over --stdio (also --node-ipc, --socket=N).
'use strict';
require('../dist/src/server.js');
