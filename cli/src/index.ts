/** Programmatic use of the CLI (tests, scripts): the same run as the `phi-guard` command. */
export { main, type Io } from './main';
export { scan, type ScanResult, type ScanOptions, type ReportedFinding, type FileResult } from './scan';
export { sarifLog, FINGERPRINT_KEY } from './format/sarif';
export { buildReport } from './report/model';
export { htmlReport } from './report/html';
export { markdownReport } from './report/markdown';
