/**
 * phi-guard.config.json in the editor. The engine finds and caches the file (by mtime); this
 * keeps the last valid configuration of each config file, so a half-typed edit never changes
 * the findings, and turns a ConfigError into diagnostics at the offending key. Open config
 * documents are validated from their unsaved text while typing; analysis uses the saved file.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ConfigError, findConfigFile, loadConfigForFile, parseConfigText, type ConfigIssue, type ResolvedConfig } from './engine';
import type { FileStore } from './files';
import { CONFIG_DIAGNOSTIC_CODE, DIAGNOSTIC_SOURCE } from './protocol';

export interface ConfigForFile {
  /**
   * The config to analyze with: the file's, or, while it is broken, its last valid version.
   * Undefined when it is broken and no valid version was seen: analyzing with the defaults
   * would drop what the config declares (PHI types, fields, vendors) and show fewer findings
   * than ESLint, which stops on a broken config; the caller fails closed instead.
   */
  config: ResolvedConfig | undefined;
  /** Set when the config file is broken. */
  error?: ConfigError;
}

export interface ConfigPublisher {
  (configFile: string, diagnostics: Diagnostic[]): void;
}

/**
 * Who reports what in phi-guard.config.json: a client that validates the file with PHI Guard's
 * JSON schema itself (VS Code's JSON service, with the schema the extension contributes)
 * already reports JSON syntax errors and shape problems (unknown keys, wrong types, values not
 * in an enum, missing keys); the server then reports only what the schema cannot know (vendor
 * ids, redactor modules, duplicates in lists, ...), so no problem shows twice. For any other
 * client (Neovim) the server reports everything. Quick fixes are offered either way.
 */
export interface ConfigOptions {
  clientValidatesSchema: boolean;
}

export class ConfigManager {
  private readonly lastGood = new Map<string, ResolvedConfig>();
  /** Config files with diagnostics currently shown. */
  private readonly shown = new Set<string>();
  /** Config files whose current text is invalid, reported here or by the client's schema. */
  private readonly broken = new Set<string>();

  constructor(
    private readonly files: FileStore,
    private readonly publish: ConfigPublisher,
    private readonly log: (message: string) => void,
    private readonly options: ConfigOptions = { clientValidatesSchema: false },
    private readonly onBrokenChange: () => void = () => undefined,
  ) {}

  /** The config files that are broken now. */
  brokenConfigs(): string[] {
    return [...this.broken].sort();
  }

  private markBroken(configFile: string, isBroken: boolean): void {
    if (this.broken.has(configFile) === isBroken) return;
    if (isBroken) this.broken.add(configFile);
    else this.broken.delete(configFile);
    this.onBrokenChange();
  }

  forFile(fileName: string): ConfigForFile {
    try {
      const config = loadConfigForFile(fileName);
      if (config.configFile) {
        this.lastGood.set(config.configFile, config);
        if (!this.files.isOpen(config.configFile)) this.markBroken(config.configFile, false);
        if (this.shown.has(config.configFile) && !this.files.isOpen(config.configFile)) this.show(config.configFile, []);
      }
      return { config };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const lastGood = this.lastGood.get(error.fileName);
      if (!this.files.isOpen(error.fileName)) this.markBroken(error.fileName, true);
      if (!this.files.isOpen(error.fileName) && !this.shown.has(error.fileName)) {
        this.log(`${error.message} (${lastGood ? 'keeping the last valid configuration' : 'no valid version seen: the files it governs are not analyzed'})`);
        this.show(error.fileName, this.issueDiagnostics(error, this.files.text(error.fileName) ?? '', !!lastGood));
      }
      return { config: lastGood, error };
    }
  }

  /** The config file that governs `fileName`, if any (for the "add to approvedVendors" fix). */
  configFileFor(fileName: string): string | undefined {
    return findConfigFile(fileName);
  }

  /**
   * Validates a config file from the editor's text (open) or the disk, and shows the result.
   * Returns whether the file is valid.
   */
  validate(configFile: string): boolean {
    const text = this.files.text(configFile);
    if (text === undefined) {
      this.lastGood.delete(configFile);
      this.show(configFile, []);
      this.markBroken(configFile, false);
      return true;
    }
    try {
      parseConfigText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, configFile);
      this.show(configFile, []);
      this.markBroken(configFile, false);
      return true;
    } catch (error) {
      this.markBroken(configFile, true);
      if (!(error instanceof ConfigError)) {
        // Fails closed: the file shows that it was not validated, instead of nothing.
        this.log(`validating ${configFile}: ${(error as Error).stack ?? error}`);
        this.show(configFile, [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Error,
            source: DIAGNOSTIC_SOURCE,
            code: CONFIG_DIAGNOSTIC_CODE,
            message: `PHI Guard could not validate this file (${(error as Error)?.message ?? error}); see the PHI Guard log.`,
          },
        ]);
        return false;
      }
      this.show(configFile, this.issueDiagnostics(error, text, this.lastGood.has(configFile)));
      return false;
    }
  }

  /** The problems in a config file's current text (all of them, reported here or not). */
  issues(configFile: string): { text: string; issues: readonly ConfigIssue[] } | undefined {
    const text = this.files.text(configFile);
    if (text === undefined) return undefined;
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    try {
      parseConfigText(text.slice(bom), configFile);
      return { text, issues: [] };
    } catch (error) {
      if (!(error instanceof ConfigError)) return undefined;
      return { text, issues: error.issues.map((i) => ({ ...i, start: i.start + bom, end: i.end + bom })) };
    }
  }

  private issueDiagnostics(error: ConfigError, text: string, hasLastGood: boolean): Diagnostic[] {
    const reported = this.options.clientValidatesSchema ? error.issues.filter((i) => !i.alsoFoundBy) : error.issues;
    return issueDiagnostics(error, reported, text, hasLastGood);
  }

  private show(configFile: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !this.shown.has(configFile)) return;
    if (diagnostics.length > 0) this.shown.add(configFile);
    else this.shown.delete(configFile);
    this.publish(configFile, diagnostics);
  }
}

function issueDiagnostics(error: ConfigError, issues: readonly ConfigIssue[], text: string, hasLastGood: boolean): Diagnostic[] {
  const consequence = hasLastGood ? 'the last valid configuration stays in use' : 'no valid version was loaded, so the files it governs are not analyzed until it is fixed';
  const document = TextDocument.create('file:///config.json', 'json', 0, text);
  return issues.map((issue) => {
    const start = document.positionAt(issue.start);
    let end = document.positionAt(issue.end);
    if (issue.end <= issue.start) {
      // A problem with the whole file: underline its first line.
      const lineEnd = text.search(/\r?\n|$/);
      end = document.positionAt(Math.max(lineEnd, issue.start));
    }
    return {
      range: { start, end },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: CONFIG_DIAGNOSTIC_CODE,
      message: `${issue.keyPath ? `${issue.keyPath}: ` : ''}${issue.problem} (${path.basename(error.fileName)}; ${consequence})`,
    };
  });
}
