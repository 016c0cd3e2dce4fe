import { DefaultConfigurationProvider } from 'langium';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import { parseBugUrlTemplate } from '../shared/bug-url.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import type { IssueSeverity } from '../validation/issue-codes.js';
import { isIssueCode } from '../validation/issue-codes.js';
import { SETTINGS_SECTION } from '../shared/language.js';

export type SeveritySetting = IssueSeverity | 'off';

const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Reads tml's settings from the client. Settings are read synchronously from what the client last
 * sent, so validation never waits for a client that may not exist (the CLI and tests have none).
 */
export class ThreatModelConfigurationProvider extends DefaultConfigurationProvider {
    protected override toSectionName(): string {
        return SETTINGS_SECTION;
    }

    /** `threatModel.severity`: code → severity, with unknown codes and values ignored. */
    severityOverrides(): ReadonlyMap<string, SeveritySetting> {
        const raw: unknown = this.settings[SETTINGS_SECTION]?.['severity'];
        const result = new Map<string, SeveritySetting>();
        if (typeof raw === 'object' && raw !== null) {
            for (const [code, value] of Object.entries(raw)) {
                if (isIssueCode(code) && typeof value === 'string' && SEVERITY_SETTINGS.includes(value)) {
                    result.set(code, value as SeveritySetting);
                }
            }
        }
        return result;
    }

    /**
     * The rules in force by `threatModel.rules.builtin` (docs/language.md#rules): all of them, or, when the
     * setting is `false`, only those the workspace declares. Anything but `false` keeps the library.
     */
    ruleSources(): RuleSources {
        const rules: unknown = this.settings[SETTINGS_SECTION]?.['rules'];
        const builtin = typeof rules === 'object' && rules !== null ? (rules as Record<string, unknown>)['builtin'] : undefined;
        return builtin === false ? 'workspace' : 'all';
    }

    /**
     * `threatModel.bugUrl` when it is an http(s) template with `{bug}`; a template that is not is
     * ignored here (the extension warns about it, extension/src/bug-url-setting.ts).
     */
    bugUrl(): BugUrlTemplate | undefined {
        const raw: unknown = this.settings[SETTINGS_SECTION]?.['bugUrl'];
        if (typeof raw !== 'string' || raw.trim() === '') return undefined;
        const parsed = parseBugUrlTemplate(raw);
        return 'error' in parsed ? undefined : parsed;
    }
}
