#!/usr/bin/env node
// The `tml` command: runs the bundled CLI (built by `npm run build`).
require('../out/cli/tml.cjs');
