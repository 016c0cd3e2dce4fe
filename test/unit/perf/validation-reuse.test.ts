import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import { ThreatModelDocumentValidator } from '../../../language-server/src/validation/document-validator.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { editorDocuments } from '../helpers/editor-documents.js';
import { applyEdit, randomEdit } from '../helpers/random-edits.js';
import { checkModel, services } from '../helpers/workspace.js';

/**
 * In a file open in the editor, validation after an edit takes over the findings of the nodes the
 * edit cannot have changed (incremental/validation-reuse.ts). Over random edit sequences, the
 * findings must be exactly those of a validation of the same text from scratch: the same
 * diagnostics, in the same order, with the same ranges, messages and data.
 */
const URI_TEXT = 'file:///workspace/model.tm';

/** Declarations that depend on each other in every way the checks look at, added to a generated model. */
const EXTRA = `
system Shop "Shop" { description "Sells things." }
asset Cards "Card numbers" { classification secret type payment }
external Partner "Partner" { type service }
process Api "API" { technology "PostgreSQL" }
process Spare "Spare"
process Spare "Spare again"
boundary Dc "Data centre" { trust trusted process Inner "Inner" { privileged } datastore Cache "Cache" { logs } }
flow Call: Partner -> Api "Call" { carries Cards }
flow Job: Api -> Inner "Job" { encrypted }
scenario Buy "Buying" { flows Call, Job }
threat Forge "Forged calls" { stride Spoofing, Tampering targets Api, Partner response accept justification "Internal." }
threat Leak "Leak" { stride InformationDisclosure targets Cache, Call response fix mitigatedBy Tls rule SensitiveDataInClear }
mitigation Tls "TLS" { status planned }
exclude Repudiation on Api "Logged elsewhere."
rule Plain "Plain flows" { on flow stride Tampering when not encrypted and any carries (classification is secret) }
dismiss Plain on Call "Checked at the edge."
`;
const LINES = EXTRA.trim().split('\n');
const MODEL = `${Object.values(generateModel(100, 1).files)[0]!}${EXTRA}`;
/** Smaller, for many random edits. */
const SMALL = `${Object.values(generateModel(30, 1).files)[0]!}${EXTRA}`;

const own = createThreatModelServices(EmptyFileSystem);
const { shared } = own;
const validator = own.ThreatModel.validation.DocumentValidator as ThreatModelDocumentValidator;

/** Opens `text` as the editor does (the document is in TextDocuments), or changes it, and rebuilds. */
const show = editorDocuments(shared, URI_TEXT);

describe('findings taken over after an edit (incremental/validation-reuse.ts)', function () {
    this.timeout(300_000);

    it('takes over the findings of the nodes a keystroke in a title cannot change, and gives those of a validation from scratch', async () => {
        const document = await show(MODEL);
        const at = MODEL.indexOf('"Customer browser 5"') + 5;
        assert.ok(at > 5);
        const typed = `${MODEL.slice(0, at)}x${MODEL.slice(at)}`;
        await show(typed, document);
        const run = validator.lastRun;
        assert.ok(run.nodes > 300, `${run.nodes} nodes, ${run.checked} checked`);
        assert.ok(run.checked < run.nodes / 10, `${run.checked} of ${run.nodes} nodes checked again`);
        assert.deepEqual(document.diagnostics, (await checkModel(typed)).diagnostics);
    });

    it('checks every node of a file that is not open in the editor', async () => {
        await checkModel(MODEL);
        const run = (services.ThreatModel.validation.DocumentValidator as ThreatModelDocumentValidator).lastRun;
        assert.equal(run.checked, run.nodes);
    });

    it('gives the findings of a validation from scratch after any sequence of edits', async () => {
        let reused = 0;
        await fc.assert(fc.asyncProperty(fc.array(randomEdit(), { minLength: 1, maxLength: 6 }), async edits => {
            let text = SMALL;
            const document = await show(text);
            for (const step of edits) {
                text = applyEdit(text, step, LINES);
                await show(text, document);
                if (validator.lastRun.checked < validator.lastRun.nodes) reused++;
                const fromScratch = (await checkModel(text)).diagnostics;
                assert.deepEqual(document.diagnostics, fromScratch, `after ${JSON.stringify(step)}`);
            }
        }), { numRuns: 60, seed: 20261206 });
        assert.ok(reused > 30, `findings were taken over after ${reused} edits`);
    });
});
