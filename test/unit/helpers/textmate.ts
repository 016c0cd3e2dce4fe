import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
// Both packages are CommonJS bundles whose named exports Node cannot detect: import the default.
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';

const GRAMMAR_FILE = new URL('../../../../../syntaxes/threat-model.tmLanguage.json', import.meta.url);
const SCOPE_NAME = 'source.threat-model';

let loaded: Promise<IGrammar> | undefined;

/**
 * The hand-written TextMate grammar, loaded once per test run: the oniguruma WebAssembly module
 * can be instantiated only once per process.
 */
export function loadThreatModelGrammar(): Promise<IGrammar> {
    loaded ??= loadGrammar();
    return loaded;
}

async function loadGrammar(): Promise<IGrammar> {
    const wasmPath = createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm');
    await oniguruma.loadWASM(await readFile(wasmPath));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => oniguruma.createOnigScanner(patterns),
            createOnigString: text => oniguruma.createOnigString(text),
        }),
        loadGrammar: async scopeName =>
            scopeName === SCOPE_NAME ? textmate.parseRawGrammar(await readFile(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE.pathname) : null,
    });
    const grammar = await registry.loadGrammar(SCOPE_NAME);
    if (!grammar) {
        throw new Error(`The grammar ${SCOPE_NAME} did not load.`);
    }
    return grammar;
}

/**
 * Tokenises `text` as VS Code does, line by line with the state carried over, and returns each
 * line's tokens as `text → scope scope …` strings (outermost scope first) for exact comparison.
 */
export async function tokenize(text: string): Promise<string[][]> {
    const grammar = await loadThreatModelGrammar();
    let state: StateStack = textmate.INITIAL;
    return text.split(/\r?\n/).map(line => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        return result.tokens.map(token => `${line.slice(token.startIndex, token.endIndex)} → ${token.scopes.join(' ')}`);
    });
}
