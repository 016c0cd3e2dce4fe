import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runTml } from './helpers/run-tml.js';

const EXAMPLE_TITLES = ['Keyhaven smart door lock', 'Ledgerline multi-tenant invoicing API', 'Pine \\& Co. web shop'];

/** Models in a workspace (docs/language.md#models-in-a-workspace) in the CLI: a folder of several models gives one section per model. */
describe('tml given a folder with several models', function () {
    this.timeout(120_000);
    let root = '';

    before(() => {
        root = mkdtempSync(join(tmpdir(), 'tml-cli-models-'));
        const write = (path: string, text: string): void => {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), text);
        };
        write('a/model.tm', 'system A "Service A"\nprocess Api "A API"\nthreat T "A threat" { stride Spoofing targets Api }\n');
        write('b/model.tm', 'system B "Service B"\nprocess Api "B API"\nthreat T "B threat" { stride Tampering targets Api }\n');
    });

    after(() => rmSync(root, { recursive: true, force: true }));

    it('checks each model separately: the same names in two models are no error, and the format is unchanged', () => {
        const run = runTml(['check', '.', '--format', 'json', '--fail-on', 'none'], root);
        assert.equal(run.status, 0, run.stderr);
        const findings = JSON.parse(run.stdout) as { file: string; code: string }[];
        assert.deepEqual(findings.filter(f => f.code === 'tm/duplicate-name' || f.code === 'linking-error'), []);
        assert.deepEqual([...new Set(findings.map(f => f.file))], ['a/model.tm', 'b/model.tm']);
        assert.deepEqual(Object.keys(findings[0]!), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    });

    it('prints one Markdown section per model, titled with its system, and a JSON array', () => {
        const md = runTml(['table', '.'], root);
        assert.equal(md.status, 0, md.stderr);
        assert.deepEqual(md.stdout.split('\n').filter(line => line.startsWith('# ')), ['# Threat list: Service A', '# Threat list: Service B']);
        assert.match(md.stdout, /\| T \| A threat \| Spoofing \|/);
        assert.match(md.stdout, /\| T \| B threat \| Tampering \|/);
        const json = JSON.parse(runTml(['table', '.', '--format', 'json'], root).stdout) as { title: string; files: string[] }[];
        assert.deepEqual(json.map(t => [t.title, t.files]), [['Threat list: Service A', ['a/model.tm']], ['Threat list: Service B', ['b/model.tm']]]);
    });

    it('writes one HTML page with a section per model, and CSV blocks under a title record', () => {
        const html = runTml(['table', '.', '--format', 'html'], root).stdout;
        assert.equal(html.match(/<!DOCTYPE html>/g)?.length, 1);
        assert.deepEqual([...html.matchAll(/<h1>([^<]*)<\/h1>/g)].map(m => m[1]), ['Threat list: Service A', 'Threat list: Service B']);
        assert.match(html, /<title>Threat list: Service A; Threat list: Service B<\/title>/);
        assert.equal(html.match(/<section>/g)?.length, 2);
        assert.match(html, /<table id="model-1-threat-list">/);
        const csv = runTml(['table', '.', '--format', 'csv'], root).stdout;
        const titleRecords = csv.split('\r\n').filter(line => line.replace(/^\uFEFF/, '').startsWith('"Threat list: '));
        assert.deepEqual(titleRecords.map(r => r.replace(/^\uFEFF/, '').split(',')[0]), ['"Threat list: Service A"', '"Threat list: Service B"']);
    });

    it('writes the report of each model, one after the other', () => {
        const run = runTml(['report', '.'], root);
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(run.stdout.split('\n').filter(line => line.startsWith('# ')), ['# Security model: Service A', '# Security model: Service B']);
    });

    it('draws each model (SVG one under the other, DOT one graph each, JSON an array) and refuses several in Mermaid', () => {
        const svg = runTml(['dfd', '.'], root).stdout;
        assert.deepEqual([...svg.matchAll(/<text x="4" y="\d+"[^>]*>([^<]*)<\/text>/g)].map(m => m[1]), ['Service A', 'Service B']);
        assert.equal(svg.match(/<svg x="0" y="\d+" width="[\d.]+" height="[\d.]+"/g)?.length, 2);
        const dot = runTml(['dfd', '.', '--format', 'dot'], root).stdout;
        assert.equal(dot.match(/^digraph /gm)?.length, 2);
        const json = JSON.parse(runTml(['dfd', '.', '--format', 'json'], root).stdout) as { nodes: { id: string }[] }[];
        assert.deepEqual(json.map(d => d.nodes.map(n => n.id)), [['Api'], ['Api']]);
        const mermaid = runTml(['dfd', '.', '--format', 'mermaid'], root);
        assert.equal(mermaid.status, 2);
        assert.equal(mermaid.stdout, '');
        assert.equal(mermaid.stderr, "tml: a Mermaid flowchart holds one model, and the files given hold 2 (Service A; Service B): give one model's folder\n");
        assert.equal(runTml(['dfd', 'a', '--format', 'mermaid'], root).status, 0);
    });

    it('keeps the three examples apart: one section per example model', () => {
        const run = runTml(['table', 'examples']);
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(run.stdout.split('\n').filter(line => line.startsWith('# Threat list')).map(line => line.slice('# Threat list: '.length)), EXAMPLE_TITLES);
    });
});
