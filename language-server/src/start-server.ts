/**
 * The language server's entry point, bundled to out/language-server/main.cjs (what VS Code starts,
 * and bin/tml-language-server.cjs): it installs the code cache, then loads the server itself
 * (main.ts, bundled to server.cjs by scripts/bundle.mjs) through it.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCodeCache } from './start-up/code-cache.js';

installCodeCache(path.dirname(fileURLToPath(import.meta.url)));
void import('./main.js');
