/**
 * `tml report --out FILE` writes every DFD as an SVG file in `<name>-diagrams/` beside the report
 * and links it as an image, so that any Markdown viewer (VS Code's preview too) shows it;
 * `--diagrams mermaid` and stdout keep Mermaid blocks (docs/threat-table.md).
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { REPO_ROOT, runTml } from './helpers/run-tml.js';

const WEB_SHOP = path.join(REPO_ROOT, 'examples', 'web-shop');

function inTempFolder(body: (folder: string) => void): void {
    const folder = mkdtempSync(path.join(tmpdir(), 'tml-report-'));
    try {
        body(folder);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

/** The Markdown image lines of a report, `![alt](link)`. */
function imageLines(report: string): string[] {
    return report.split('\n').filter(line => line.startsWith('!['));
}

/** The SVG as an XML document; a document that is not well-formed fails the test. */
function parseSvg(text: string): Document {
    const parser = new DOMParser({ onError: (level, message) => { throw new Error(`SVG is not well-formed XML (${level}): ${message}`); } });
    return parser.parseFromString(text, 'image/svg+xml') as unknown as Document;
}

/** Every element of the document, the root first. */
function elements(document: Document): Element[] {
    const all: Element[] = [];
    const visit = (element: Element): void => {
        all.push(element);
        for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) visit(child as Element);
    };
    visit(document.documentElement);
    return all;
}

describe('tml report: diagrams as SVG files beside the report', () => {
    it('--out writes one SVG per diagram into <name>-diagrams/ and links each where the Mermaid block was', () => {
        inTempFolder(folder => {
            const run = runTml(['report', WEB_SHOP, '--out', 'report.md'], folder);
            assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
            const report = readFileSync(path.join(folder, 'report.md'), 'utf8');
            assert.deepEqual(imageLines(report), [
                '![DFD: Overview](report-diagrams/dfd-1-overview.svg)',
                '![DFD: A shopper browses the catalogue and signs in](report-diagrams/dfd-2-BrowseAndSignIn.svg)',
                '![DFD: A shopper pays for the basket by card](report-diagrams/dfd-3-CardCheckout.svg)',
                '![DFD: The shopper receives the order confirmation](report-diagrams/dfd-4-OrderConfirmationMail.svg)',
                '![DFD: Customer service refunds an order](report-diagrams/dfd-5-RefundByStaff.svg)',
                '![DFD: Merchandising changes prices for a promotion](report-diagrams/dfd-6-PriceUpdate.svg)',
            ]);
            assert.deepEqual(readdirSync(path.join(folder, 'report-diagrams')).sort(), [
                'dfd-1-overview.svg', 'dfd-2-BrowseAndSignIn.svg', 'dfd-3-CardCheckout.svg',
                'dfd-4-OrderConfirmationMail.svg', 'dfd-5-RefundByStaff.svg', 'dfd-6-PriceUpdate.svg',
            ]);
            // Everything else is the report `tml report` prints, Mermaid blocks and all.
            const printed = runTml(['report', WEB_SHOP], folder).stdout;
            assert.equal(report.replace(/^!\[.*$/gm, '<diagram>'), printed.replace(/^```mermaid\n[^`]*```$/gm, '<diagram>'));
            // The overview's SVG is the one `tml dfd` draws.
            assert.equal(readFileSync(path.join(folder, 'report-diagrams', 'dfd-1-overview.svg'), 'utf8'), runTml(['dfd', WEB_SHOP], folder).stdout);
            const checkout = parseSvg(readFileSync(path.join(folder, 'report-diagrams', 'dfd-3-CardCheckout.svg'), 'utf8'));
            assert.equal(checkout.documentElement.tagName, 'svg');
            assert.ok(elements(checkout).some(e => e.tagName === 'text' && e.textContent === 'Checkout service'));
        });
    });

    it('numbers the diagrams through the document when the files hold several models', () => {
        inTempFolder(folder => {
            const run = runTml(['report', path.join(REPO_ROOT, 'examples'), '--out', 'report.md'], folder);
            assert.deepEqual([run.status, run.stderr], [0, '']);
            const report = readFileSync(path.join(folder, 'report.md'), 'utf8');
            const overviews = imageLines(report).filter(line => line.startsWith('![DFD: Overview]'));
            const files = readdirSync(path.join(folder, 'report-diagrams'));
            assert.equal(overviews.length, 3);
            assert.equal(files.length, imageLines(report).length);
            assert.equal(new Set(files).size, files.length);
            assert.equal(overviews[0], '![DFD: Overview](report-diagrams/dfd-1-overview.svg)');
            for (const line of imageLines(report)) assert.ok(files.includes(/\/(dfd-\d+-\w+\.svg)\)$/.exec(line)![1]!), line);
        });
    });

    it('--diagrams mermaid --out writes the report stdout gets, and no folder', () => {
        inTempFolder(folder => {
            const run = runTml(['report', WEB_SHOP, '--out', 'report.md', '--diagrams', 'mermaid'], folder);
            assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
            assert.equal(readFileSync(path.join(folder, 'report.md'), 'utf8'), runTml(['report', WEB_SHOP], folder).stdout);
            assert.deepEqual(readdirSync(folder), ['report.md']);
        });
    });

    it('names the folder after the report, and encodes the link for a name with spaces and parentheses, in a subfolder', () => {
        inTempFolder(folder => {
            mkdirSync(path.join(folder, 'docs'));
            const run = runTml(['report', WEB_SHOP, '--out', 'docs/Security model (v2).md'], folder);
            assert.deepEqual([run.status, run.stderr], [0, '']);
            const report = readFileSync(path.join(folder, 'docs', 'Security model (v2).md'), 'utf8');
            assert.equal(imageLines(report)[0], '![DFD: Overview](Security%20model%20%28v2%29-diagrams/dfd-1-overview.svg)');
            assert.ok(existsSync(path.join(folder, 'docs', 'Security model (v2)-diagrams', 'dfd-1-overview.svg')));
        });
    });

    it('writes over the diagrams of an earlier run', () => {
        inTempFolder(folder => {
            assert.equal(runTml(['report', WEB_SHOP, '--out', 'report.md'], folder).status, 0);
            writeFileSync(path.join(folder, 'report-diagrams', 'dfd-1-overview.svg'), 'stale');
            assert.equal(runTml(['report', WEB_SHOP, '--out', 'report.md'], folder).status, 0);
            assert.match(readFileSync(path.join(folder, 'report-diagrams', 'dfd-1-overview.svg'), 'utf8'), /^<\?xml /);
        });
    });

    it('fails with exit code 2 and one line: --diagrams svg without --out, a missing folder, a file in the way', () => {
        assert.deepEqual(runTml(['report', WEB_SHOP, '--diagrams', 'svg']), {
            status: 2, stdout: '', stderr: 'tml: --diagrams svg writes the diagrams as files beside the report: give --out FILE, or use --diagrams mermaid\n',
        });
        assert.deepEqual(runTml(['report', WEB_SHOP, '--diagrams', 'png', '--out', 'r.md']), {
            status: 2, stdout: '', stderr: "tml: invalid value 'png' for --diagrams: expected one of svg, mermaid\n",
        });
        inTempFolder(folder => {
            assert.deepEqual(runTml(['report', WEB_SHOP, '--out', 'no/such/r.md'], folder), {
                status: 2, stdout: '', stderr: 'tml: cannot write no/such/r-diagrams: no such directory\n',
            });
            writeFileSync(path.join(folder, 'r-diagrams'), '');
            assert.deepEqual(runTml(['report', WEB_SHOP, '--out', 'r.md'], folder), {
                status: 2, stdout: '', stderr: 'tml: cannot write r-diagrams: a file of that name is in the way\n',
            });
            assert.equal(existsSync(path.join(folder, 'r.md')), false);
        });
    });

    it('escapes hostile names in the SVG files and the image text: no script element, no event attribute, no bidi control', () => {
        const hostile = '<script>alert("x")</script> \' " \u202Eevil\u202C';
        inTempFolder(folder => {
            writeFileSync(path.join(folder, 'model.tm'), [
                `system Sys ${JSON.stringify(`Sys ${hostile}`)}`,
                `boundary B ${JSON.stringify(`Boundary ${hostile}`)} {`,
                `    process P ${JSON.stringify(`Process ${hostile}`)} { description ${JSON.stringify(hostile)} }`,
                '}',
                `external E ${JSON.stringify(`<img src=x onerror=alert(1)> ${hostile}`)}`,
                `datastore D ${JSON.stringify(`Store ${hostile}`)}`,
                `flow F: E -> P ${JSON.stringify(`Flow ${hostile}`)} { protocol ${JSON.stringify(hostile)} }`,
                'flow G: P -> D "Write"',
                `scenario S ${JSON.stringify(`Scenario ${hostile}`)} { flows F, G }`,
                '',
            ].join('\n'));
            const run = runTml(['report', 'model.tm', '--out', 'report.md'], folder);
            assert.equal(run.status, 0, run.stderr);
            const files = readdirSync(path.join(folder, 'report-diagrams')).sort();
            assert.deepEqual(files, ['dfd-1-overview.svg', 'dfd-2-S.svg']);
            for (const file of files) {
                const text = readFileSync(path.join(folder, 'report-diagrams', file), 'utf8');
                assert.doesNotMatch(text, /[\u202A-\u202E\u2066-\u2069]/, `${file} holds a bidi control`);
                const all = elements(parseSvg(text));
                assert.deepEqual(all.filter(e => /script|foreignObject|iframe|img/i.test(e.tagName)).map(e => e.tagName), [], file);
                const attributes = all.flatMap(e => Array.from(e.attributes));
                assert.deepEqual(attributes.filter(a => /^on/i.test(a.name)).map(a => a.name), [], file);
                assert.deepEqual(attributes.filter(a => /href$/i.test(a.name)).map(a => a.value), [], file);
                // The titles come back as text, shown as written (bidi controls as <U+XXXX>).
                const texts = all.filter(e => e.tagName === 'text').map(e => e.textContent).join(' ');
                assert.match(texts, /<script>alert\("x"\)<\/script>/, file);
                assert.match(texts, /<U\+202E>evil<U\+202C>/, file);
            }
            const report = readFileSync(path.join(folder, 'report.md'), 'utf8');
            assert.deepEqual(imageLines(report), [
                '![DFD: Overview](report-diagrams/dfd-1-overview.svg)',
                '![DFD: Scenario \\<script\\>alert("x")\\</script\\> \' " \\<U+202E\\>evil\\<U+202C\\>](report-diagrams/dfd-2-S.svg)',
            ]);
        });
    });
});
