/**
 * The command line before any transport exists: `--help` and `--version` answer and exit 0; a
 * command line without a transport is a usage error with a one-line message, not the stack
 * trace vscode-languageserver throws when it has no stream to read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const USAGE = `Usage: phi-guard-language-server --stdio
       phi-guard-language-server --node-ipc | --socket=PORT | --pipe=NAME
       phi-guard-language-server --help | --version

PHI Guard language server: reports PHI flowing into LLM vendor calls in TypeScript and
JavaScript, over the Language Server Protocol. Editors start it with one transport option;
the settings (phiGuard.*) come from the editor and phi-guard.config.json from the workspace.

Options:
  --stdio          speak LSP on stdin/stdout (Neovim, Helix, Emacs, Sublime, VS Code)
  --node-ipc       speak LSP over Node's IPC channel (when forked by Node)
  --socket=PORT    connect to the client on a TCP port on this machine
  --pipe=NAME      connect to the client on a named pipe / Unix socket
  --help, -h       print this help and exit
  --version, -v    print the version and exit
`;

const TRANSPORT = /^--(?:stdio|node-ipc|socket=.+|pipe=.+)$/;

export type CommandLine = { kind: 'serve' } | { kind: 'exit'; code: number; stdout?: string; stderr?: string };

export function readCommandLine(args: readonly string[]): CommandLine {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'exit', code: 0, stdout: USAGE };
  if (args.includes('--version') || args.includes('-v')) return { kind: 'exit', code: 0, stdout: `phi-guard-language-server ${serverVersion()}\n` };
  if (args.some((a) => TRANSPORT.test(a))) return { kind: 'serve' };
  const given = args.length === 0 ? 'no arguments' : `"${args.join(' ')}"`;
  return { kind: 'exit', code: 2, stderr: `phi-guard-language-server: no transport option in ${given}; start it with --stdio (see --help).\n` };
}

/** From the package's own package.json, so the binary and the package never disagree. */
export function serverVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    // Safe: the version is informational; an unreadable package.json must not stop --version.
    return 'unknown';
  }
}
