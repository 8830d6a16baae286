import { ESLintUtils } from '@typescript-eslint/utils';
import { ruleDocsUrl, type RuleId } from '@phi-guard/core';

export interface PhiGuardDocs {
  description: string;
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<PhiGuardDocs>((name) => ruleDocsUrl(name as RuleId));
