/** The exit code of a usage error or unreadable input (README.md#the-tml-command-line). */
export const EXIT_USAGE = 2;

/**
 * A failure the user can act on (bad command line, unreadable input): reported as the one line
 * `tml: <message>` on stderr with exit code {@link EXIT_USAGE}, never with a stack trace.
 */
export class CliError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'CliError';
    }
}
