import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { mermaidLabel, reportDiagrams } from '../../language-server/src/generator/report-mermaid.js';
import { modelText, PROPERTY_RUNS } from './table-arbitraries.js';
import { checkModel, services } from './helpers/workspace.js';

const MODEL = `
boundary Outside "Outside" { external User "User" }
boundary Inside "Inside" {
    process App "App"
    boundary Data "Data" { datastore Db "Db" }
}
process end "Keyword-named process"
flow Login: User -> App "Log in" { protocol "HTTPS" }
flow Store: App -> Db "Store <rows> & \\"quotes\\""
flow Report: App -> end "Report"
exclude Spoofing on User "Signed in through SSO."
exclude Repudiation on User "Audited by the IdP."
scenario SignIn "Sign in" { flows Login }
`;

describe('report DFDs (Mermaid)', () => {
    it('encodes what would end a label or start markup as Mermaid entity codes, on one line', () => {
        assert.equal(mermaidLabel('a "b" <c> #d & `e` | f\ng'), 'a #quot;b#quot; #lt;c#gt; #35;d #amp; #96;e#96; #124; f g');
    });

    it('never lets model text end a quoted label, a fenced block or a line', () => {
        fc.assert(fc.property(modelText, text => {
            assert.doesNotMatch(mermaidLabel(text), /["`<>\n\r|]/);
        }), { numRuns: PROPERTY_RUNS });
    });

    it('draws the overview with nested dashed boundaries, and a scenario with only its flows and their ends', async () => {
        const { document } = await checkModel(MODEL);
        const [overview, signIn] = reportDiagrams([document.parseResult.value], services.ThreatModel.workspace.ModelIndex.coverage());
        assert.deepEqual(overview, {
            scenario: null,
            mermaid: [
                'flowchart LR',
                '  subgraph tm_Outside["Outside"]',
                '    tm_User["User"]',
                '  end',
                '  subgraph tm_Inside["Inside"]',
                '    tm_App(["App"])',
                '    subgraph tm_Data["Data"]',
                '      tm_Db[("Db")]',
                '    end',
                '  end',
                '  tm_end(["Keyword-named process"])',
                '  tm_User -->|"Log in"| tm_App',
                '  tm_App -->|"Store #lt;rows#gt; #amp; #quot;quotes#quot;"| tm_Db',
                '  tm_App -->|"Report"| tm_end',
                '  classDef open stroke:#d32f2f,stroke-width:3px',
                '  class tm_App,tm_Db,tm_end open',
                '  style tm_Outside fill:none,stroke-dasharray:5 5',
                '  style tm_Inside fill:none,stroke-dasharray:5 5',
                '  style tm_Data fill:none,stroke-dasharray:5 5',
                '  linkStyle 0,1,2 stroke:#d32f2f,stroke-width:2px',
                '',
            ].join('\n'),
        });
        assert.deepEqual(signIn, {
            scenario: 'SignIn',
            mermaid: [
                'flowchart LR',
                '  subgraph tm_Outside["Outside"]',
                '    tm_User["User"]',
                '  end',
                '  subgraph tm_Inside["Inside"]',
                '    tm_App(["App"])',
                '  end',
                '  tm_User -->|"Log in"| tm_App',
                '  classDef open stroke:#d32f2f,stroke-width:3px',
                '  class tm_App open',
                '  style tm_Outside fill:none,stroke-dasharray:5 5',
                '  style tm_Inside fill:none,stroke-dasharray:5 5',
                '  linkStyle 0 stroke:#d32f2f,stroke-width:2px',
                '',
            ].join('\n'),
        });
    });
});
