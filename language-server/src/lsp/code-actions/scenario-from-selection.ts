import type { LangiumDocument } from 'langium';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Flow, Model } from '../../generated/ast.js';
import { isFlow } from '../../generated/ast.js';
import { listInProse } from '../../shared/prose.js';
import type { UniqueNames } from './fix-context.js';
import { INDENT, insertAfterDeclaration, quote } from './text-edits.js';
import { quote as quoteName } from '../../validation/quote.js';

/** The kind of "Create a scenario from the selected flows": a refactoring of the selection. */
export const CREATE_SCENARIO_KIND = `${CodeActionKind.Refactor}.createScenario`;

/** The flows a selection touches (any part of their declaration), in file order. */
export function flowsInSelection(document: LangiumDocument, range: Range): Flow[] {
    const from = document.textDocument.offsetAt(range.start);
    const to = document.textDocument.offsetAt(range.end);
    if (from === to) return [];
    const model = document.parseResult.value as Model;
    return model.declarations.filter(isFlow).filter(flow => {
        const cst = flow.$cstNode;
        return flow.name && cst !== undefined && cst.offset < to && cst.end > from;
    });
}

/**
 * TMA step 1 describes the system by its use cases: with flows selected, declares a scenario made
 * of them, after the last one, for the user to name and describe. Offered for any non-empty
 * selection that touches a flow; nothing for a bare cursor (the `tm/element-in-no-scenario`
 * quick-fix covers one flow).
 */
export function createScenarioFromSelection(document: LangiumDocument, range: Range, names: UniqueNames): CodeAction | undefined {
    const flows = flowsInSelection(document, range);
    const edit = declareScenario(document, flows, names);
    if (!edit) return undefined;
    const quoted = flows.map(flow => quoteName(flow.name));
    return {
        title: flows.length === 1
            ? `Create a scenario from the selected flow ${quoted[0]!}`
            : `Create a scenario from the ${flows.length} selected flows (${listInProse(quoted)})`,
        kind: CREATE_SCENARIO_KIND,
        edit: { changes: { [document.textDocument.uri]: [edit] } },
    };
}

/**
 * Declares a scenario of `flows` (in that order) after the last of them, named after the first,
 * with a TODO title naming what they do; undefined for no flows.
 */
export function declareScenario(document: LangiumDocument, flows: readonly Flow[], names: UniqueNames): TextEdit | undefined {
    const last = flows.at(-1);
    if (!last) return undefined;
    const name = names.claim(`${flows[0]!.name}Scenario`);
    const title = quote(`TODO: the use case in which ${listInProse(flows.map(flow => flow.title ?? flow.name))} ${flows.length === 1 ? 'happens' : 'happen'}`);
    return insertAfterDeclaration(document, last, [`scenario ${name} ${title} {\n${INDENT}flows ${flows.map(flow => flow.name).join(', ')}\n}`]);
}
