import { STRIDE_CATEGORIES } from '../../shared/stride.js';
import { ELEMENT_KIND_WORDS } from '../../shared/element-kinds.js';

/** A snippet that writes out one kind of declaration, offered next to the declaration's keyword. */
export interface DeclarationSnippet {
    /** The grammar rule the keyword starts (so `flow` in `scenario … { flows … }` gets none). */
    readonly rule: string;
    readonly detail: string;
    /** LSP snippet syntax: `${1:placeholder}`, `${1|choice,…|}`, `$0`. */
    readonly body: string;
}

const CATEGORY_CHOICE = STRIDE_CATEGORIES.join(',');

/**
 * One snippet per declaration keyword. Bodies use the formatter's canonical layout (4 spaces per
 * level); the editor re-indents them to the line they are inserted on. The threat snippet spells
 * out every DREAD factor and the response, so a freshly inserted threat is complete once its
 * placeholders are filled in.
 */
export const DECLARATION_SNIPPETS: Readonly<Record<string, DeclarationSnippet>> = {
    system: {
        rule: 'System',
        detail: 'System with description and owner',
        body: 'system ${1:Name} "${2:title}" {\n    description "${3:what it does}"\n    owner "${4:who answers for it}"\n}',
    },
    assumption: { rule: 'Assumption', detail: 'Assumption', body: 'assumption ${1:Name} "${2:what is assumed}"' },
    dependency: { rule: 'Dependency', detail: 'External dependency', body: 'dependency ${1:Name} "${2:what it is}"' },
    asset: { rule: 'Asset', detail: 'Asset', body: 'asset ${1:Name} "${2:title}"' },
    boundary: { rule: 'Boundary', detail: 'Trust boundary', body: 'boundary ${1:Name} "${2:title}" {\n    $0\n}' },
    external: { rule: 'External', detail: ELEMENT_KIND_WORDS.external.title, body: 'external ${1:Name} "${2:title}"' },
    process: { rule: 'Process', detail: ELEMENT_KIND_WORDS.process.title, body: 'process ${1:Name} "${2:title}" {\n    technology "${3:technology}"\n}' },
    datastore: { rule: 'Datastore', detail: ELEMENT_KIND_WORDS.datastore.title, body: 'datastore ${1:Name} "${2:title}" {\n    stores ${3:Asset}\n}' },
    flow: { rule: 'Flow', detail: 'Data flow', body: 'flow ${1:Name}: ${2:Source} -> ${3:Target} "${4:label}"' },
    scenario: { rule: 'Scenario', detail: 'Use-case scenario', body: 'scenario ${1:Name} "${2:title}" {\n    flows ${3:Flow}\n}' },
    threat: {
        rule: 'Threat',
        detail: 'Threat with STRIDE, targets, DREAD and response',
        body: [
            'threat ${1:Name} "${2:title}" {',
            `    stride \${3|${CATEGORY_CHOICE}|}`,
            '    targets ${4:Element}',
            '    dread {',
            '        damage ${5:0}',
            '        reproducibility ${6:0}',
            '        exploitability ${7:0}',
            '        affectedUsers ${8:0}',
            '        discoverability ${9:0}',
            '    }',
            '    response ${10|fix,accept,warn,remove|}',
            '}',
        ].join('\n'),
    },
    mitigation: {
        rule: 'Mitigation',
        detail: 'Mitigation with technique and status',
        body: 'mitigation ${1:Name} "${2:title}" {\n    technique "${3:technique}"\n    status ${4|planned,implemented,verified|}\n}',
    },
    exclude: {
        rule: 'Exclude',
        detail: 'Exclusion of a STRIDE category, with the reason',
        body: `exclude \${1|${CATEGORY_CHOICE}|} on \${2:Element} "\${3:reason}"`,
    },
    rule: {
        rule: 'Rule',
        detail: 'Rule that suggests a threat, with its condition, CWE and texts',
        body: [
            'rule ${1:Name} "${2:title}" {',
            '    on ${3|external,process,datastore,flow|}',
            `    stride \${4|${CATEGORY_CHOICE}|}`,
            '    when ${5:condition}',
            '    cwe ${6:0}',
            '    description "${7:what can go wrong}"',
            '    mitigation "${8:what to do about it}"',
            '}',
        ].join('\n'),
    },
    dismiss: {
        rule: 'Dismiss',
        detail: "Dismissal of a rule's suggestion, with the reason",
        body: 'dismiss ${1:Rule} on ${2:Element} "${3:reason}"',
    },
};
