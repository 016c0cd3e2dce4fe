import { BUG_URL_EXAMPLE } from '../shared/bug-url.js';

/** The overview `tml --help` prints; `tml dfd --help` prints dfd-usage.ts. */
export const USAGE = `Usage:
  tml check  [paths…] [--format text|json|sarif|gitlab] [--fail-on error|warning|none] [--stale] [--rules R] [--bug-url T]
  tml table  [paths…] [--format md|csv|html|json|xlsx] [--out FILE] [--rules R] [--bug-url T]   (default: md to stdout; xlsx needs --out)
  tml dfd    [paths…] [--scenario NAME] [--format svg|dot|mermaid|json] [--collapse] [--out FILE]   (default: overview, svg)
  tml report [paths…] [--out FILE] [--diagrams svg|mermaid] [--rules R] [--bug-url T]   (Markdown security model)
  tml init   [system name] [--out FILE]           (a starter model; default: threat-model.tm)
  tml rules  [paths…] [--format md|json] [--rules R]                    (the rules in force; default md)
  tml import FILE [--from otm|threat-dragon|tm7] [--out FILE.tm]        (format guessed when omitted)
  tml export [paths…] --format otm|threat-dragon [--out FILE]
  tml --help | tml help
  tml --version

Paths are .tm files or folders (every *.tm below, skipping node_modules and dot-folders);
the default is the current directory.
check --stale also reports each mitigation whose implementedIn file changed in git commits newer
than the last commit of its .tm file (tm/implementation-stale, information).
--rules builtin|workspace|all|none: which rules suggest threats (tm/rule-suggests): the built-in
library, those declared in the .tm files, both (the default) or none.
--bug-url T links each threat's bug to the tracker: T is an http(s) URL with {bug} where the
bug id goes, such as ${BUG_URL_EXAMPLE} (table, report, and check --format sarif).
report --out FILE writes each diagram as an SVG file in <FILE's name>-diagrams/ beside FILE and
links it as an image (--diagrams svg, the default with --out); --diagrams mermaid embeds Mermaid
blocks instead, as on stdout.
Exit codes: 0 ok; 1 findings at or above --fail-on (default: error); 2 usage error or unreadable input.
`;
