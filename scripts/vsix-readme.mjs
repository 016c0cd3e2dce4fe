// Writes out/vsix/README.md, the README that `npm run package` puts into tml.vsix (vsce
// --readme-path): README.md with every image it shows from this repository inlined as a data: URI.
// VS Code's extension page renders an installed extension's README in a webview whose content
// security policy loads images only from https: and data:, and tml has no public repository for
// https links to point at; a relative path shows a broken image there (checked in VS Code 1.100).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';

const MEDIA_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };
/** `![alt](target)`: the README's images are written this way, without titles. */
const IMAGE = /(!\[[^\]]*\]\()([^)\s]+)(\))/g;

const readme = readFileSync('README.md', 'utf8').replace(IMAGE, (image, opening, target, closing) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return image; // already a URL
    const type = MEDIA_TYPES[extname(target).toLowerCase()];
    if (!type) throw new Error(`README.md shows ${target}: VS Code shows only PNG, JPEG and GIF images inlined, not SVG`);
    return `${opening}data:${type};base64,${readFileSync(decodeURI(target)).toString('base64')}${closing}`;
});
mkdirSync('out/vsix', { recursive: true });
writeFileSync('out/vsix/README.md', readme);
