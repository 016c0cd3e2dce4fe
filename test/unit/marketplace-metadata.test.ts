import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Manifest {
    readonly icon?: string;
    readonly galleryBanner?: { readonly color: string; readonly theme: string };
    readonly license?: string;
    readonly categories?: readonly string[];
    readonly keywords?: readonly string[];
    readonly repository?: unknown;
    readonly contributes: { readonly languages: readonly { readonly id: string; readonly icon?: { readonly light: string; readonly dark: string } }[] };
}

const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Manifest;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the Marketplace metadata (package.json)', () => {
    it('has a 128×128 PNG icon, made from media/icon.svg, and a gallery banner', () => {
        assert.equal(manifest.icon, 'media/icon.png');
        assert.deepEqual(pngSize(`${ROOT}media/icon.png`), [128, 128]);
        assert.ok(existsSync(`${ROOT}media/icon.svg`));
        assert.deepEqual(manifest.galleryBanner, { color: '#1f3b5c', theme: 'dark' });
    });

    it('gives the language a file icon for light and dark themes', () => {
        const [language] = manifest.contributes.languages;
        assert.deepEqual(language?.icon, { light: './media/file-light.svg', dark: './media/file-dark.svg' });
        for (const file of [language!.icon!.light, language!.icon!.dark]) {
            assert.match(readFileSync(`${ROOT}${file}`, 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        }
    });

    it('has a licence, categories and keywords, and no repository: tml has no public URL yet', () => {
        assert.equal(manifest.license, 'MIT');
        assert.ok(existsSync(`${ROOT}LICENSE`));
        assert.ok((manifest.categories ?? []).length > 0 && (manifest.keywords ?? []).length > 0);
        assert.equal(manifest.repository, undefined);
    });
});
