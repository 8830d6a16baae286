import * as mocha from 'mocha';
import { RuleTester } from '@typescript-eslint/rule-tester';

// typescript-eslint's RuleTester needs the test framework's hooks (STYLE practice 9).
RuleTester.afterAll = mocha.after;
RuleTester.describe = mocha.describe;
RuleTester.it = mocha.it;
RuleTester.itOnly = mocha.it.only;
