/**
 * Findings to LSP diagnostics: rule id as `code` with a link to its doc, the flow path (PHI
 * source, each hop, the LLM call) as related information, severity from the settings.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import { ruleDocsUrl, type Finding, type FlowStep, type SourceRange } from './engine';
import type { DisplayPath } from './hover';
import { fileNameToUri } from './paths';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { toLspSeverity, type Settings } from './settings';

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  /** Index of the finding in the file's analysis result. */
  finding: number;
  /** Document version the finding was computed for. */
  version: number | null;
}

export function toRange(range: SourceRange): Range {
  return { start: range.startPos, end: range.endPos };
}

const STEP_LABEL: Record<FlowStep['kind'], string> = { source: 'PHI source: ', step: '', sink: 'LLM call: ' };

/**
 * Each step names its file (relative to the workspace) and line in the text too: VS Code shows
 * only the base name beside related information, and other clients (Neovim) only the text.
 */
export function flowToRelatedInformation(flow: readonly FlowStep[], displayPath: DisplayPath): DiagnosticRelatedInformation[] {
  return flow.map((step, index) => ({
    location: { uri: fileNameToUri(step.range.fileName), range: toRange(step.range) },
    message: `${index + 1}. ${STEP_LABEL[step.kind]}${step.description} (${displayPath(step.range.fileName)}:${step.range.startPos.line + 1})`,
  }));
}

/** Undefined when the rule is turned off in the settings. */
export function findingToDiagnostic(finding: Finding, index: number, version: number | null, settings: Settings, displayPath: DisplayPath): Diagnostic | undefined {
  const severity = toLspSeverity(settings.severity[finding.ruleId] ?? 'error');
  if (severity === undefined) return undefined;
  const diagnostic: Diagnostic = {
    range: toRange(finding.range),
    severity,
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
    data: { finding: index, version } satisfies DiagnosticData,
  };
  if (finding.flow.length > 0) diagnostic.relatedInformation = flowToRelatedInformation(finding.flow, displayPath);
  return diagnostic;
}

/**
 * The server itself failed on a file (the engine fails closed on its own; this covers
 * everything around it). Reported under no-phi-in-prompt: unchecked code is not clean code.
 * It spans the whole file (when its text is known), where the user looks and where no
 * directive meant for one line can be mistaken for hiding it.
 */
export function failureDiagnostic(error: unknown, text?: string): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: text === undefined ? { line: 0, character: 0 } : endOf(text) },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'no-phi-in-prompt',
    codeDescription: { href: ruleDocsUrl('no-phi-in-prompt') },
    message: `PHI Guard could not analyze this file (${reason}); PHI flows in it are unchecked.`,
  };
}

/** A workspace folder that could not be listed: published on the folder's own URI. */
export function folderFailureDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'no-phi-in-prompt',
    codeDescription: { href: ruleDocsUrl('no-phi-in-prompt') },
    message: `PHI Guard could not list this folder (${reason}); the source files in it are not analyzed and PHI flows in them are unchecked.`,
  };
}

function endOf(text: string): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: text.length - lineStart };
}
