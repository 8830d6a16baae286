/** What each rule means, for SARIF `tool.driver.rules` and the reports. The full pages are at `ruleDocsUrl`. */
import { ruleDocsUrl, type RuleId } from '@phi-guard/core';

export interface RuleText {
  id: RuleId;
  name: string;
  short: string;
  full: string;
  help: string;
  helpUri: string;
}

export const RULES: readonly RuleText[] = [
  {
    id: 'no-phi-in-prompt',
    name: 'NoPhiInPrompt',
    short: 'PHI reaches an LLM vendor without a BAA',
    full: 'Protected health information (PHI) flows into the content of a call to an LLM vendor that has no Business Associate Agreement on record, or whose model or region is outside it.',
    help: [
      'Protected health information reaches the content of a call to an LLM vendor that has not signed a HIPAA Business Associate Agreement (BAA) covering this use.',
      '',
      'Fix it in one of these ways:',
      '- wrap the value in your redactor (declared under "redactors" in phi-guard.config.json) before it is embedded into the prompt;',
      '- send the request to a vendor that is in "approvedVendors" (with the model and region the BAA covers);',
      '- if the data is not PHI (de-identified upstream), say so where it is declared, or suppress with `// eslint-disable-next-line phi-guard/no-phi-in-prompt -- reason`, or accept it in phi-guard.baseline.json with a reason.',
      '',
      'The code flow shows where the PHI was read, each place it moved through, and the LLM call.',
    ].join('\n'),
    helpUri: ruleDocsUrl('no-phi-in-prompt'),
  },
  {
    id: 'approved-vendors',
    name: 'ApprovedVendors',
    short: 'LLM call to a vendor without a BAA, or to an unknown endpoint',
    full: 'A call sends data to an LLM vendor that is not in approvedVendors, to an approved vendor outside the model or region its BAA covers, or to an endpoint whose vendor cannot be determined.',
    help: [
      'A call sends data to an LLM vendor that is not listed in "approvedVendors" of phi-guard.config.json, to a model or region outside the BAA, or to an endpoint PHI Guard cannot determine.',
      '',
      'Fix it: record the BAA in "approvedVendors" (with "models" and "regions" when it is scoped), use a constant endpoint, or declare a first-party gateway under "vendors".',
    ].join('\n'),
    helpUri: ruleDocsUrl('approved-vendors'),
  },
];

export function ruleText(id: RuleId): RuleText {
  return RULES.find((r) => r.id === id)!;
}
