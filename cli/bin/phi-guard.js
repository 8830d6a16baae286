#!/usr/bin/env node
// PHI Guard command line: `phi-guard scan|baseline|report [paths]`; `phi-guard --help`.
'use strict';
require('../dist/src/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
