import { spawnSync } from 'node:child_process';
import { codeBlocks } from '../../helpers/readme-design-output.js';

/** `[major, minor]` of the Neovim at `nvim`, from `nvim --version` ("NVIM v0.7.2"). */
export function neovimVersion(nvim: string): [number, number] {
    const output = spawnSync(nvim, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    const match = /^NVIM v(\d+)\.(\d+)/m.exec(output);
    if (!match) throw new Error(`'${nvim} --version' printed no version: ${output}`);
    return [Number(match[1]), Number(match[2])];
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
