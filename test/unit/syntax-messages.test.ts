import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { checkModel } from './helpers/workspace.js';

/**
 * Every syntax error says, in the language's words, what was found, what the
 * language allows there, and what the user most likely meant. One row per malformed snippet: the
 * snippet, then every lexer and parser error it gets as `line:col-line:col code message` (1-based).
 * The lists of clauses and keywords come from the grammar: when the grammar gains a clause, the
 * rows that list that declaration's clauses change with it (update them here).
 */
const TABLE: ReadonlyArray<readonly [string, readonly string[]]> = [
    ["process api-gateway \"API gateway\"", [
        "1:9-1:20 parsing-error 'api-gateway' is not a valid name: names hold only letters, digits and _, and start with a letter or _, so '-' cannot be part of one. Write api_gateway or apiGateway.",
    ]],
    ["flow F: api-gateway -> Db \"x\"", [
        "1:9-1:20 parsing-error 'api-gateway' is not a valid name: names hold only letters, digits and _, and start with a letter or _, so '-' cannot be part of one. Write api_gateway or apiGateway.",
    ]],
    ["threat T \"t\" { targets web-app }", [
        "1:24-1:31 parsing-error 'web-app' is not a valid name: names hold only letters, digits and _, and start with a letter or _, so '-' cannot be part of one. Write web_app or webApp.",
    ]],
    ["datastore Db \"Orders\" { authenticated }", [
        "1:25-1:38 parsing-error 'authenticated' is not a clause of a datastore. ('authenticated' is a clause of a flow.) A datastore's clauses are: description, technology, logs, encrypted, stores, tags.",
    ]],
    ["datastore Db \"Orders\" { log }", [
        "1:25-1:28 parsing-error 'log' is not a clause of a datastore; did you mean 'logs'? A datastore's clauses are: description, technology, logs, encrypted, stores, tags.",
    ]],
    ["threat T \"t\" { severity High }", [
        "1:16-1:24 parsing-error 'severity' is not a clause of a threat; did you mean 'dread'? A threat's clauses are: stride, targets, assets, description, impact, tree, dread, response, warning, justification, mitigatedBy, bug, cwe, capec, rule.",
    ]],
    ["threat T \"t\" { stride Information Disclosure }", [
        "1:23-1:45 parsing-error 'Information Disclosure' is not a STRIDE category: write it as one word, 'InformationDisclosure'. A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { stride Denial of Service }", [
        "1:23-1:40 parsing-error 'Denial of Service' is not a STRIDE category: write it as one word, 'DenialOfService'. A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { stride Elevation Of Privilege }", [
        "1:23-1:45 parsing-error 'Elevation Of Privilege' is not a STRIDE category: write it as one word, 'ElevationOfPrivilege'. A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { stride Spofing }", [
        "1:23-1:30 parsing-error 'Spofing' is not a STRIDE category; did you mean 'Spoofing'? A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { stride spoofing }", [
        "1:23-1:31 parsing-error 'spoofing' is not a STRIDE category; did you mean 'Spoofing'? A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { stride Phishing }", [
        "1:23-1:31 parsing-error 'Phishing' is not a STRIDE category. A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { response mitigate }", [
        "1:25-1:33 parsing-error 'mitigate' is not a response; did you mean 'fix'? A response is one of: fix, accept, warn, remove.",
    ]],
    ["threat T \"t\" { response accepted }", [
        "1:25-1:33 parsing-error 'accepted' is not a response; did you mean 'accept'? A response is one of: fix, accept, warn, remove.",
    ]],
    ["threat T \"t\" { response }", [
        "1:25-1:26 parsing-error A response is missing before '}'. A response is one of: fix, accept, warn, remove.",
    ]],
    ["mitigation M \"m\" { status done }", [
        "1:27-1:31 parsing-error 'done' is not a mitigation status; did you mean 'implemented'? A mitigation status is one of: planned, implemented, verified.",
    ]],
    ["mitigation M \"m\" { status implemnted }", [
        "1:27-1:37 parsing-error 'implemnted' is not a mitigation status; did you mean 'implemented'? A mitigation status is one of: planned, implemented, verified.",
    ]],
    ["threat T \"t\" { dread { damage 3 reproducability 4 } }", [
        "1:33-1:48 parsing-error 'reproducability' is not a factor of a dread block: to list several names, separate them with ',' (targets A, B). A dread block's factors are: damage, reproducibility, exploitability, affectedUsers, discoverability.",
    ]],
    ["threat T \"t\" { dread { damage High } }", [
        "1:31-1:35 parsing-error 'damage' is followed by a whole number (damage 5), not 'High'.",
    ]],
    ["threat T \"t\" { dread { damage 3.5 } }", [
        "1:32-1:33 parsing-error '.' cannot stand inside a dread block's { }. A dread block's factors are: damage, reproducibility, exploitability, affectedUsers, discoverability.",
    ]],
    ["proces P \"p\"", [
        "1:1-1:7 parsing-error 'proces' does not start a declaration; did you mean 'process'? A declaration starts with one of: system, assumption, dependency, asset, boundary, external, process, datastore, flow, scenario, threat, mitigation, exclude, rule, dismiss.",
    ]],
    ["Process P \"p\"", [
        "1:1-1:8 parsing-error 'Process' does not start a declaration; did you mean 'process'? A declaration starts with one of: system, assumption, dependency, asset, boundary, external, process, datastore, flow, scenario, threat, mitigation, exclude, rule, dismiss.",
    ]],
    ["widget W \"w\"", [
        "1:1-1:7 parsing-error 'widget' does not start a declaration. A declaration starts with one of: system, assumption, dependency, asset, boundary, external, process, datastore, flow, scenario, threat, mitigation, exclude, rule, dismiss.",
    ]],
    ["process P", [
        "1:10-1:10 parsing-error A title in double quotes should come here, not the end of the file. A process is written: process Name \"title\" { … }.",
    ]],
    ["process P \"p\" {", [
        "1:16-1:16 parsing-error This process is not closed: add '}' at its end.",
    ]],
    ["process P \"p\" { technology Node }", [
        "1:28-1:32 parsing-error 'technology' is followed by a text in double quotes (technology \"…\"), not 'Node'.",
    ]],
    ["process \"Storefront\"", [
        "1:9-1:21 parsing-error A name should come here, not the text \"Storefront\". A process is written: process Name \"title\" { … }.",
    ]],
    ["process logs \"Logs\"", [
        "1:9-1:13 parsing-error 'logs' is a keyword of tml, so it cannot be a name here; use another name, such as 'Logs'.",
    ]],
    ["process 1api \"p\"", [
        "1:9-1:10 parsing-error '1api' is not a valid name: names hold only letters, digits and _, and start with a letter or _.",
    ]],
    ["flow F A -> B \"x\"", [
        "1:8-1:9 parsing-error ':' should come here, not 'A'. A flow is written: flow Name: Source -> Target \"title\" { … }.",
    ]],
    ["flow F: A <-> B \"x\"", [
        "1:11-1:12 lexing-error '<->' is not allowed: a flow goes one way, from its source to its target. For data that moves both ways, write two flows: A -> B and B -> A.",
    ]],
    ["flow F: A <- B \"x\"", [
        "1:11-1:12 lexing-error '<-' is not allowed: a flow goes from its source to its target. Write Source -> Target.",
    ]],
    ["flow F: A => B \"x\"", [
        "1:11-1:13 lexing-error '=>' is not allowed: a flow is written Source -> Target.",
    ]],
    ["flow F: A -> B", [
        "1:15-1:15 parsing-error A title in double quotes should come here, not the end of the file. A flow is written: flow Name: Source -> Target \"title\" { … }.",
    ]],
    ["flow F: A -> B \"x\" { encrypted, authenticated }", [
        "1:31-1:32 parsing-error ',' only separates the names of a list (targets A, B). Clauses are written one after another, without ','. A flow's clauses are: description, protocol, encrypted, authenticated, bidirectional, carries, tags.",
    ]],
    ["flow F: A -> B \"x\" { tls }", [
        "1:22-1:25 parsing-error 'tls' is not a clause of a flow; did you mean 'encrypted'? A flow's clauses are: description, protocol, encrypted, authenticated, bidirectional, carries, tags.",
    ]],
    ["flow F: A -> B \"x\"\nencrypted", [
        "2:1-2:10 parsing-error 'encrypted' is a clause of a datastore and a flow: write it inside the { } of the declaration it belongs to.",
    ]],
    ["process P 'Storefront'", [
        "1:11-1:12 lexing-error Text is written in double quotes (\"…\"), not single quotes.",
        "1:22-1:23 lexing-error Text is written in double quotes (\"…\"), not single quotes.",
    ]],
    ["process P \"Storefront", [
        "1:11-1:12 lexing-error This text is not closed: text starts and ends with \" on the same line (use \\\" for a quote inside it).",
    ]],
    ["process P “Storefront”", [
        "1:11-1:12 lexing-error Typographic quotes are not allowed: write text in straight double quotes (\"…\").",
        "1:22-1:23 lexing-error Typographic quotes are not allowed: write text in straight double quotes (\"…\").",
    ]],
    ["process P \"p\" { technology = \"Node\" }", [
        "1:28-1:29 lexing-error '=' is not used: write a clause's keyword and then its value, e.g. protocol \"HTTPS\".",
    ]],
    ["process P \"p\";", [
        "1:14-1:15 lexing-error ';' is not needed: write clauses and declarations one after another, without ';'.",
    ]],
    ["# a comment\nprocess P \"p\"", [
        "1:1-1:2 lexing-error '#' does not start a comment: write // for the rest of the line, or /* … */.",
    ]],
    ["exclude Spoofing Customer \"x\"", [
        "1:18-1:26 parsing-error 'on' should come here, not 'Customer'. An exclude is written: exclude Categories, … on Elements, … \"reason\".",
    ]],
    ["exclude Spofing on Customer \"x\"", [
        "1:9-1:16 parsing-error 'Spofing' is not a STRIDE category; did you mean 'Spoofing'? A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.",
    ]],
    ["threat T \"t\" { stride Spoofing\nprocess P \"p\"", [
        "2:1-2:8 parsing-error A process cannot be declared inside a threat: declare it outside. A threat's clauses are: stride, targets, assets, description, impact, tree, dread, response, warning, justification, mitigatedBy, bug, cwe, capec, rule.",
    ]],
    ["}", [
        "1:1-1:2 parsing-error This '}' closes nothing: remove it, or add the '{' it should close.",
    ]],
    ["\"Storefront\"", [
        "1:1-1:13 parsing-error The text \"Storefront\" cannot start a declaration. A declaration starts with one of: system, assumption, dependency, asset, boundary, external, process, datastore, flow, scenario, threat, mitigation, exclude, rule, dismiss.",
    ]],
    ["boundary B \"b\" { threat T \"t\" }", [
        "1:18-1:24 parsing-error A threat cannot be declared inside a boundary: declare it outside. A boundary's members are: boundary, external, process, datastore, trust, tags.",
        "1:31-1:32 parsing-error This '}' closes nothing: remove it, or add the '{' it should close.",
    ]],
    ["threat T \"t\" { tree { leaf \"a\" branch \"b\" } }", [
        "1:32-1:38 parsing-error 'branch' is not a node of a threat tree. A threat tree's nodes are: or, and, leaf.",
    ]],
    ["threat T \"t\" { targets A B }", [
        "1:26-1:27 parsing-error 'B' is not a clause of a threat: to list several names, separate them with ',' (targets A, B). A threat's clauses are: stride, targets, assets, description, impact, tree, dread, response, warning, justification, mitigatedBy, bug, cwe, capec, rule.",
    ]],
    ["asset A \"a\" { owner \"x\" }", [
        "1:15-1:20 parsing-error 'owner' is not a clause of an asset. ('owner' is a clause of a system.) An asset's clauses are: description, classification, type.",
    ]],
    ["process P \"p\" { entrypoint: true }", [
        "1:27-1:28 parsing-error ':' cannot stand inside a process's { }. A process's clauses are: description, technology, entrypoint, privileged, tags.",
    ]],
];

function codeOf(d: Diagnostic): unknown {
    return (d.data as { code?: unknown } | undefined)?.code;
}

function describeError(d: Diagnostic): string {
    const { start, end } = d.range;
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${String(codeOf(d))} ${d.message}`;
}

describe(`syntax error messages (issue 14): ${TABLE.length} malformed snippets`, () => {
    for (const [snippet, expected] of TABLE) {
        it(JSON.stringify(snippet), async () => {
            const { diagnostics } = await checkModel(snippet);
            const errors = diagnostics.filter(d => codeOf(d) === 'lexing-error' || codeOf(d) === 'parsing-error');
            assert.deepEqual(errors.map(describeError), expected);
        });
    }
});
