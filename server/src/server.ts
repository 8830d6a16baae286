/**
 * Entry point of the PHI Guard language server: `phi-guard-language-server --stdio`.
 * The transport comes from the command line (--stdio, --node-ipc, --socket=N).
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { readCommandLine } from './commandLine';
import { wireConnection } from './connection';
import { FramingGuard } from './framing';

const commandLine = readCommandLine(process.argv.slice(2));
if (commandLine.kind === 'exit') {
  if (commandLine.stdout) process.stdout.write(commandLine.stdout);
  if (commandLine.stderr) process.stderr.write(commandLine.stderr);
  process.exitCode = commandLine.code;
} else {
  serve();
}

function serve(): void {
  const stdio = process.argv.includes('--stdio');
  let report: (problem: string) => void = (problem) => process.stderr.write(`phi-guard: ${problem}\n`);
  const connection = stdio
    ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(new FramingGuard((p) => report(p)))), new StreamMessageWriter(process.stdout))
    : createConnection(ProposedFeatures.all);
  report = (problem) => connection.console.error(problem);

  /**
   * An error that reaches the top is a bug whose damage is unknown (state half-updated, a file
   * never published): log it and exit with an error, so the client restarts a clean server and
   * its crash policy sees it, instead of a server that lives on with possibly stale diagnostics.
   * Every handler is already guarded (connection.ts); this is only what escapes them.
   */
  function die(what: string, error: unknown): void {
    const text = `${what}: ${(error as Error)?.stack ?? error}`;
    try {
      connection.console.error(text);
    } catch {
      // The connection itself may be what failed: stderr still reaches the client's log.
    }
    process.stderr.write(`phi-guard: ${text}\n`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  }
  process.on('uncaughtException', (error) => die('uncaught exception', error));
  process.on('unhandledRejection', (reason) => die('unhandled rejection', reason));

  wireConnection(connection);
  connection.listen();
}
