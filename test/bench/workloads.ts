/**
 * The generated models the whole-process figures run on, written to a scratch folder: N elements
 * in one file or in 100 files (test/bench/synthetic-model.ts), and the same system as a pytm
 * script (test/bench/pytm-model.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePytmScript } from './pytm-model.js';
import { generateModel } from './synthetic-model.js';

export class Scratch {
    readonly dir = mkdtempSync(join(tmpdir(), 'tml-bench-'));

    /** A folder holding the model of `elements` elements in `files` .tm files; its path. */
    model(elements: number, files: number): string {
        const folder = join(this.dir, `model-${elements}-${files}`);
        mkdirSync(folder, { recursive: true });
        for (const [name, text] of Object.entries(generateModel(elements, files).files)) writeFileSync(join(folder, name), text);
        return folder;
    }

    /** The pytm script of the same system as {@link model}(elements, 1); its path. */
    pytmScript(elements: number): string {
        const path = join(this.dir, `pytm-${elements}.py`);
        writeFileSync(path, generatePytmScript(elements, 1));
        return path;
    }

    dispose(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

/** The text of the one-file model of `elements` elements, as the editor benchmark opens it. */
export function oneFileModel(elements: number): string {
    return Object.values(generateModel(elements, 1).files)[0]!;
}
