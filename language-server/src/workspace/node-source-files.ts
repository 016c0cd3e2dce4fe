import type { Stats } from 'node:fs';
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'langium';
import { climbs } from './linked-path.js';
import type { LinkedFileState, SourceFiles } from './source-files.js';

/** More links than this on one path is a loop (Linux gives up at 40 too). */
const MAX_LINKS = 40;

/**
 * {@link SourceFiles} on the local disk, for the language server and the CLI. It walks the path one
 * segment at a time from the workspace folder and reads each symbolic link's target as text
 * before following it: a link that leads out of the folder (`ln -s /etc x`, or to a network
 * share on Windows) makes the path 'outside', and its target is never touched, so whether a file
 * exists out there cannot show in a finding.
 */
export class NodeSourceFiles implements SourceFiles {
    locate(folder: URI, segments: readonly string[]): LinkedFileState {
        if (folder.scheme !== 'file') return 'missing';
        try {
            return walk(folder.fsPath, segments);
        } catch {
            return 'missing';
        }
    }
}

function walk(root: string, segments: readonly string[]): LinkedFileState {
    const roots = [root, realpathOrSelf(root)];
    const pending = [...segments].reverse();
    const reached: string[] = [];
    let links = 0;
    for (let segment = pending.pop(); segment !== undefined; segment = pending.pop()) {
        if (segment === '' || segment === '.') continue;
        if (climbs(segment)) {
            if (reached.pop() === undefined) return 'outside';
            continue;
        }
        const here = path.join(root, ...reached, segment);
        const stats = lstatOrUndefined(here);
        if (!stats) return 'missing';
        if (!stats.isSymbolicLink()) {
            reached.push(segment);
            continue;
        }
        if (++links > MAX_LINKS) return 'missing';
        const target = readlinkSync(here);
        const targetSegments = target.split(path.sep === '\\' ? /[\\/]/ : '/');
        if (path.isAbsolute(target) || /^[a-z]:/i.test(target)) {
            const below = roots.map(r => path.relative(r, target)).find(relative => !relative.startsWith('..') && !path.isAbsolute(relative));
            if (below === undefined) return 'outside';
            reached.length = 0;
            pending.push(...below.split(path.sep).reverse());
        } else {
            pending.push(...targetSegments.reverse());
        }
    }
    return 'exists';
}

function lstatOrUndefined(file: string): Stats | undefined {
    try {
        return lstatSync(file);
    } catch {
        return undefined;
    }
}

function realpathOrSelf(file: string): string {
    try {
        return realpathSync(file);
    } catch {
        return file;
    }
}
