/**
 * Model roots (docs/language.md#models-in-a-workspace), as a pure function of paths: the model root of a `.tm` file is the
 * nearest folder, starting with its own and going up to its workspace folder, that holds a `.tm`
 * file declaring a `system`; a file with no such folder belongs to its workspace folder's own
 * model. Paths are URI paths (`/a/b`), without a trailing slash.
 */

/** The key of the model of files that are in no workspace folder and below no `system`. */
export const LOOSE_MODEL = '';

/** The folder of a file path: `/a/b/c.tm` → `/a/b`; `/c.tm` → `/`. */
export function folderOf(filePath: string): string {
    const slash = filePath.lastIndexOf('/');
    return slash <= 0 ? '/' : filePath.slice(0, slash);
}

/** Whether `folder` is `inner` or one of its ancestors. */
export function folderContains(folder: string, inner: string): boolean {
    if (folder === inner || folder === '/') return true;
    return inner.startsWith(folder) && inner.charAt(folder.length) === '/';
}

/**
 * The model root of the file at `filePath`: the nearest folder from the file's own up to (and
 * including) the innermost workspace folder that contains it that is in `systemFolders`; else that
 * workspace folder. Outside every workspace folder the search goes up to `/`, and a file below
 * no system folder belongs to {@link LOOSE_MODEL}. Linear in the depth of the path.
 */
export function modelRootOf(filePath: string, systemFolders: ReadonlySet<string>, workspaceFolders: readonly string[]): string {
    const workspace = workspaceFolders.filter(w => folderContains(w, folderOf(filePath))).sort((a, b) => b.length - a.length)[0];
    let folder = folderOf(filePath);
    for (;;) {
        if (systemFolders.has(folder)) return folder;
        if (folder === workspace || folder === '/') return workspace ?? LOOSE_MODEL;
        folder = folderOf(folder);
    }
}
