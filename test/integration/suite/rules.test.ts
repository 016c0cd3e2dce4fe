import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openInEditor, threatModelExtension, workspaceFile } from './helpers.js';

const MODEL = [
    'system Login "Sign-in service"',
    'asset Passwords "User passwords" { type credentials }',
    'external User "User"',
    'process Auth "Auth service"',
    'flow SignIn: User -> Auth "Sign in" { carries Passwords }',
    '',
].join('\n');

/** The code of a diagnostic VS Code shows (tml puts it in `code`). */
function codeOf(d: vscode.Diagnostic): string {
    return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Rules (docs/language.md#rules) in the real VS Code: a built-in rule suggests a threat on a flow that carries
 * credentials unencrypted; "Add threat from rule" writes the draft, the suggestion goes, and the
 * flow's Information Disclosure is no longer missing but unmitigated (the draft has no response yet).
 * The model is a folder of its own with a system (docs/language.md#models-in-a-workspace), so the other suites' findings do not change.
 */
describe('threat rules', () => {
    const file = (): vscode.Uri => workspaceFile('rules-demo/login.tm');

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(file(), '..'), { recursive: true }).then(undefined, () => undefined);
    });

    it('suggests a threat on a flow, and "Add threat from rule" answers it: the STRIDE finding turns to unmitigated', async () => {
        await threatModelExtension().exports.ready();
        await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(MODEL));
        await openInEditor(file());
        const suggestion = await eventually(() => {
            const found = vscode.languages.getDiagnostics(file()).find(d => codeOf(d) === 'tm/rule-suggests' && d.message.includes('SensitiveDataInClear'));
            assert.ok(found, `no suggestion of SensitiveDataInClear among: ${vscode.languages.getDiagnostics(file()).map(d => d.message).join(' | ')}`);
            return found;
        });
        assert.equal(suggestion.severity, vscode.DiagnosticSeverity.Information);
        assert.equal(suggestion.range.start.line, 4);
        assert.match(suggestion.message, /'SignIn'/);
        const missingBefore = vscode.languages.getDiagnostics(file()).find(d => codeOf(d) === 'tm/stride-missing' && d.message.startsWith("Flow 'SignIn'"));
        assert.match(missingBefore?.message ?? '', /InformationDisclosure/);

        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file(), suggestion.range, vscode.CodeActionKind.QuickFix.value);
        const title = "Add threat from rule 'SensitiveDataInClear' for 'SignIn'";
        const add = actions.find(a => a.title === title);
        assert.ok(add?.edit, `no quick-fix '${title}' among: ${actions.map(a => a.title).join(' | ')}`);
        assert.equal(await vscode.workspace.applyEdit(add.edit), true);

        await eventually(() => {
            const findings = vscode.languages.getDiagnostics(file());
            assert.deepEqual(findings.filter(d => codeOf(d) === 'tm/rule-suggests' && d.message.includes('SensitiveDataInClear')).map(d => d.message), []);
            const missing = findings.find(d => codeOf(d) === 'tm/stride-missing' && d.message.startsWith("Flow 'SignIn'"));
            assert.doesNotMatch(missing?.message ?? '', /InformationDisclosure/);
            const unmitigated = findings.find(d => codeOf(d) === 'tm/stride-unmitigated' && d.message.startsWith("Flow 'SignIn'"));
            assert.match(unmitigated?.message ?? '', /InformationDisclosure/);
        });
        const text = (await vscode.workspace.openTextDocument(file())).getText();
        assert.match(text, /^threat \w+ "[^"\n]+" \{$/m);
        assert.match(text, /^\s+rule SensitiveDataInClear$/m);
        assert.match(text, /^\s+targets SignIn$/m);
    });
});
