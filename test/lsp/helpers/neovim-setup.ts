import { spawnSync } from 'node:child_process';
import type { Code, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** `[major, minor]` of the Neovim at `nvim`, from `nvim --version` ("NVIM v0.7.2"). */
export function neovimVersion(nvim: string): [number, number] {
    const output = spawnSync(nvim, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    const match = /^NVIM v(\d+)\.(\d+)/m.exec(output);
    if (!match) throw new Error(`'${nvim} --version' printed no version: ${output}`);
    return [Number(match[1]), Number(match[2])];
}

function codeBlocks(markdown: string): Code[] {
    const found: Code[] = [];
    const visit = (node: Nodes): void => {
        if (node.type === 'code') found.push(node);
        if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(markdown));
    return found;
}

/** A Neovim set-up of docs/editors.md: a `lua` block whose first line is `-- init.lua, Neovim X.Y …`. */
export interface LuaSetup {
    /** The first line, naming the versions it is for. */
    readonly title: string;
    readonly code: string;
}

/**
 * The set-up docs/editors.md gives for Neovim `version`: of the blocks for a version (`-- init.lua,
 * Neovim 0.8 to 0.10`), the one with the highest first version not above it.
 */
export function luaBlockFor(markdown: string, version: readonly [number, number]): LuaSetup {
    const setups = codeBlocks(markdown).flatMap(block => {
        const title = block.value.split('\n', 1)[0] ?? '';
        const match = block.lang === 'lua' ? /^-- init\.lua, Neovim (\d+)\.(\d+)/.exec(title) : null;
        return match ? [{ title, code: block.value, since: Number(match[1]) * 1000 + Number(match[2]) }] : [];
    });
    const current = version[0] * 1000 + version[1];
    const fitting = setups.filter(s => s.since <= current).sort((a, b) => b.since - a.since)[0];
    if (!fitting) throw new Error(`docs/editors.md has no Neovim set-up for ${version.join('.')} (it has: ${setups.map(s => s.title).join('; ')})`);
    return { title: fitting.title, code: fitting.code };
}

const DESIGN_COMMAND = '$ tml check test/fixtures/design/online-store.tm';
const DESIGN_PREFIX = 'test/fixtures/design/online-store.tm:';

/** The README's pinned `tml check` output for the DESIGN.md example, without the command and the summary line. */
export function pinnedDesignOutput(readme: string): string[] {
    const block = codeBlocks(readme).find(b => b.value.startsWith(`${DESIGN_COMMAND}\n`));
    if (!block) throw new Error(`README.md has no block starting '${DESIGN_COMMAND}'`);
    return block.value.split('\n').slice(1);
}

/** The findings of the pinned output as `line:column: severity code message`. */
export function pinnedDesignFindings(readme: string): string[] {
    return pinnedDesignOutput(readme).filter(line => line.startsWith(DESIGN_PREFIX)).map(line => line.slice(DESIGN_PREFIX.length));
}
