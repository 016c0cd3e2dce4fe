import { AstUtils, CstUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isThreat } from '../generated/ast.js';
import type { Finding } from '../generator/findings.js';
import { findingFromDiagnostic } from '../generator/findings.js';
import type { FindingReferences } from '../generator/sarif.js';
import { IssueCodes } from '../validation/issue-codes.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath } from './load-workspace.js';
import type { RuleInForce } from './rules-command.js';

/**
 * The CWE and CAPEC entries of each finding SARIF output can tie to them (docs/language.md#rules): a
 * rule's suggestion carries its rule's, a finding inside a threat declaration carries the threat's
 * (`cwe`, `capec`, `rule`). Other findings carry none.
 */
export function findingReferences(files: readonly LoadedFile[], rules: readonly RuleInForce[], cwd: string): (finding: Finding) => FindingReferences | undefined {
    const byRule = new Map(rules.map(({ rule }) => [rule.name, rule]));
    const found = new Map<string, FindingReferences>();
    for (const { path, document } of files) {
        const root = document.parseResult.value.$cstNode;
        for (const diagnostic of document.diagnostics ?? []) {
            const references = diagnostic.code === IssueCodes.RuleSuggests
                ? ruleReferences(byRule.get(ruleNameOf(diagnostic) ?? ''))
                : threatReferences(root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start))?.astNode);
            if (references) found.set(keyOf(findingFromDiagnostic(displayPath(cwd, path), diagnostic)), references);
        }
    }
    return finding => found.get(keyOf(finding));
}

function keyOf(finding: Finding): string {
    return JSON.stringify([finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.code, finding.message]);
}

function ruleNameOf(diagnostic: Diagnostic): string | undefined {
    const data: unknown = diagnostic.data;
    return typeof data === 'object' && data !== null && 'rule' in data && typeof data.rule === 'string' ? data.rule : undefined;
}

function ruleReferences(rule: RuleInForce['rule'] | undefined): FindingReferences | undefined {
    return rule ? { cwe: rule.cwe, capec: rule.capec, rule: rule.name } : undefined;
}

function threatReferences(node: Parameters<typeof AstUtils.getContainerOfType>[0]): FindingReferences | undefined {
    const threat = AstUtils.getContainerOfType(node, isThreat);
    if (!threat || (threat.cwe.length === 0 && threat.capec.length === 0 && threat.rule === undefined)) return undefined;
    return { cwe: threat.cwe, capec: threat.capec, ...(threat.rule ? { rule: threat.rule.$refText } : {}) };
}
