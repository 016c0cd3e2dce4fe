// Writes a synthetic model (test/bench/synthetic-model.ts, built to out/tsc) into a folder, to
// profile the CLI and the server on it. Usage: node scripts/perf/write-model.mjs ELEMENTS FILES FOLDER
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModel } from '../../out/tsc/test/bench/synthetic-model.js';

const [elements, fileCount, folder] = process.argv.slice(2);
mkdirSync(folder, { recursive: true });
const model = generateModel(Number(elements), Number(fileCount));
for (const [name, text] of Object.entries(model.files)) writeFileSync(join(folder, name), text);
console.log(`${model.elements} elements, ${model.lines} lines, ${model.bytes} bytes in ${folder}`);
