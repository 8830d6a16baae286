/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rules with help, one code flow per PHI with
 * every step, related locations linked from the message, repository-relative URIs under
 * `%SRCROOT%`, and `partialFingerprints` that do not depend on line numbers.
 */
import { pathToFileURL } from 'node:url';
import type { Finding, FlowStep, SourceRange } from '@phi-guard/core';
import { RULES } from '../rules';
import { relative, type ReportedFinding, type ScanResult } from '../scan';
import { VERSION } from '../version';

export const SRCROOT = '%SRCROOT%';
/** The key GitHub stores our fingerprints under; bump the version when the hash changes. */
export const FINGERPRINT_KEY = 'phiGuardFindingHash/v1';

type Json = Record<string, unknown>;

export function sarifLog(result: ScanResult): Json {
  const artifact = (fileName: string): Json => {
    const rel = relative(result.root, fileName);
    if (rel.startsWith('../') || rel === '..') return { uri: pathToFileURL(fileName).href };
    return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  };
  const physical = (r: SourceRange): Json => ({
    artifactLocation: artifact(r.fileName),
    region: { startLine: r.startPos.line + 1, startColumn: r.startPos.character + 1, endLine: r.endPos.line + 1, endColumn: r.endPos.character + 1 },
  });
  const results = result.findings.filter((f) => f.status !== 'baselined').map((f) => sarifResult(f, physical));
  const rootUri = pathToFileURL(result.root).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'PHI Guard',
            informationUri: 'https://github.com/phi-guard/phi-guard',
            version: VERSION,
            semanticVersion: VERSION,
            rules: RULES.map((r) => ({
              id: `phi-guard/${r.id}`,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              help: { text: r.help, markdown: r.help },
              helpUri: r.helpUri,
              defaultConfiguration: { level: 'error' },
              properties: { tags: ['security', 'privacy', 'hipaa', 'phi', 'llm', 'external/cwe/cwe-359'], precision: 'high', 'problem.severity': 'error', 'security-severity': r.id === 'no-phi-in-prompt' ? '8.0' : '6.5' },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function sarifResult(reported: ReportedFinding, physical: (r: SourceRange) => Json): Json {
  const f: Finding = reported.finding;
  const ruleIndex = RULES.findIndex((r) => r.id === f.ruleId);
  const origins = f.origins ?? (f.flow.length > 0 ? [{ phi: (f.phi ?? []).join(', '), flow: f.flow }] : []);
  // Related locations: every step of every path, once each; the message links each PHI's source.
  const related: Json[] = [];
  const idOf = new Map<string, number>();
  const relatedId = (s: FlowStep): number => {
    const key = `${s.range.fileName}|${s.range.start}|${s.range.end}|${s.description}`;
    let id = idOf.get(key);
    if (id === undefined) {
      id = related.length + 1;
      idOf.set(key, id);
      related.push({ id, physicalLocation: physical(s.range), message: { text: s.description } });
    }
    return id;
  };
  for (const o of origins) for (const s of o.flow) relatedId(s);
  const links = origins
    .filter((o) => o.flow[0]?.kind === 'source')
    .map((o) => `[${escapeLinkText(o.phi)}](${relatedId(o.flow[0]!)})`);
  const text = links.length > 0 ? `${f.message} Read at: ${links.join(', ')}.` : f.message;
  const sarif: Json = {
    ruleId: `phi-guard/${f.ruleId}`,
    ruleIndex,
    level: 'error',
    kind: 'fail',
    message: { text },
    locations: [{ physicalLocation: physical(f.range) }],
    partialFingerprints: { [FINGERPRINT_KEY]: reported.fingerprint },
    properties: { kind: f.kind, phi: f.phi ?? [], vendor: f.vendor?.id ?? null },
  };
  if (related.length > 0) sarif.relatedLocations = related;
  if (origins.length > 0) {
    sarif.codeFlows = origins.map((o) => ({
      message: { text: `${o.phi} to ${f.vendor?.name ?? 'the LLM call'}` },
      threadFlows: [
        {
          locations: o.flow.map((s, i) => ({
            location: { physicalLocation: physical(s.range), message: { text: s.description } },
            kinds: [s.kind === 'source' ? 'source' : s.kind === 'sink' ? 'sink' : 'pass-through'],
            nestingLevel: 0,
            executionOrder: i + 1,
          })),
        },
      ],
    }));
  }
  if (reported.status === 'suppressed') sarif.suppressions = [{ kind: 'inSource', ...(reported.justification ? { justification: reported.justification } : {}) }];
  return sarif;
}

function escapeLinkText(s: string): string {
  return s.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
