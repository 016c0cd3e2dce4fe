/** `tml dfd --help`; apart from dfd-command.ts so that run.ts answers it without loading the diagram code. */
export const DFD_USAGE = `Usage: tml dfd [paths…] [--scenario NAME] [--format svg|dot|mermaid|json] [--collapse] [--out FILE]

Writes the data flow diagram of the model made of every .tm file given (default: the current
directory): the overview of the whole model, or with --scenario the diagram of that scenario.
Files below a folder whose .tm file declares a system form a model of their own; given several
models, the diagrams come one after the other (svg, dot), or as a JSON array.
--format  svg (default; laid out with Graphviz), dot (Graphviz source), mermaid (flowchart for
          Markdown; one model only) or json (nodes, flows, boundaries, STRIDE coverage and
          source locations)
--collapse  draw each outermost trust boundary as one node, flows between them merged
          (svg and dot); the VS Code preview does so by itself when a diagram is too large
--out     write to FILE instead of stdout
Exit codes: 0 ok; 2 usage error, unknown scenario or unreadable input.
`;
