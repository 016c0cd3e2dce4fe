import type { ValidationAcceptor } from 'langium';
import type { DfdElement, External, Model, Scenario } from '../generated/ast.js';
import { isExclude } from '../generated/ast.js';
import { describeElement } from '../model/stride.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { listInProse } from '../shared/prose.js';
import { quote } from './quote.js';

/**
 * `tm/background-missing`: TMA step 1 collects a description of the system, use-case scenarios,
 * assumptions and external dependencies. Reported once per model (docs/language.md#models-in-a-workspace), on the first
 * `system` (or, without one, the first declaration), listing every part that is missing.
 */
export function checkBackground(model: Model, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    const { missingBackground, backgroundAnchor } = index.processFacts(model);
    if (missingBackground.length === 0 || !backgroundAnchor || backgroundAnchor.$container !== model) return;
    const message = `The model has no ${listInProse(missingBackground, 'or')}. ` +
        'Threat Model Analysis starts from this background (step 1): describe the system, its use-case scenarios, the assumptions made and the external dependencies.';
    const data = { missing: missingBackground };
    if (isExclude(backgroundAnchor)) diagnose(accept, IssueCodes.BackgroundMissing, message, { node: backgroundAnchor, keyword: 'exclude' }, data);
    else diagnose(accept, IssueCodes.BackgroundMissing, message, { node: backgroundAnchor, property: 'name' }, data);
}

/** `tm/scenario-empty`: a scenario without flows has no data flow diagram to analyse. */
export function checkScenarioHasFlows(scenario: Scenario, accept: ValidationAcceptor): void {
    if (!scenario.name || scenario.flows.length > 0) return;
    diagnose(accept, IssueCodes.ScenarioEmpty,
        `Scenario ${quote(scenario.name)} lists no flows. Add 'flows <Flow>, …' for the data flows the scenario goes through.`,
        { node: scenario, property: 'name' });
}

/**
 * `tm/element-in-no-scenario`: once a model has scenarios, every DFD element should take part in
 * one (a flow listed by it, or a node at the end of such a flow); one that does not is either dead
 * or a scenario is missing.
 */
export function checkElementInScenario(element: DfdElement, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!element.name) return;
    const facts = index.processFacts(element);
    if (!facts.hasScenarios || facts.inScenario.has(element)) return;
    const how = element.$type === 'Flow' ? 'no scenario lists it' : 'no flow of a scenario starts or ends at it';
    diagnose(accept, IssueCodes.ElementInNoScenario,
        `${describeElement(element)} takes part in no scenario: ${how}. Add it to the scenario it belongs to, or remove it if it is no longer part of the design.`,
        { node: element, property: 'name' });
}

/** `tm/external-without-flow`: an external entity only matters through the data it exchanges. */
export function checkExternalHasFlow(external: External, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!external.name || index.processFacts(external).connected.has(external)) return;
    diagnose(accept, IssueCodes.ExternalWithoutFlow,
        `External entity ${quote(external.name)} sends and receives no flow. Add the flows it exchanges with the system, or remove it.`,
        { node: external, property: 'name' });
}
