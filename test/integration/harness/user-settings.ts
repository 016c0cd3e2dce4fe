import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A quiet workbench: no welcome page, no trust prompt, no update, telemetry or git traffic. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
};

/** Writes `User/settings.json` into a fresh VS Code user-data folder. */
export function writeUserSettings(userDataFolder: string): void {
    mkdirSync(join(userDataFolder, 'User'), { recursive: true });
    writeFileSync(join(userDataFolder, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 4) + '\n');
}
