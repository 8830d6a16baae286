/** The inventory export formats: what a spreadsheet, a script and a reviewer read. */
import * as assert from 'node:assert/strict';
import type { InventoryCallSite, InventoryResult } from '../../server/src/protocol';
import { CSV_HEADER, csvField, formatInventory, inventoryToCsv, inventoryToJson, inventoryToMarkdown } from '../src/inventoryFormat';

const range = (line: number, character = 2) => ({ start: { line, character }, end: { line, character: character + 10 } });

const site = (over: Partial<InventoryCallSite>): InventoryCallSite => ({
  uri: 'file:///ws/src/a.ts',
  fileName: '/ws/src/a.ts',
  range: range(4),
  call: 'chat.completions.create',
  vendorId: 'openai',
  vendorName: 'OpenAI',
  approved: false,
  firstParty: false,
  phi: [],
  ...over,
});

const result = (callSites: InventoryCallSite[], over: Partial<InventoryResult> = {}): InventoryResult => ({ complete: true, files: 3, callSites, failedFiles: [], unreadableFolders: [], ...over });
const relative = (f: string) => f.replace(/^\/ws\//, '');

/** A minimal RFC 4180 reader, to check that what we write reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('client: inventory export formats', () => {
  const sites = [
    site({ phi: ['Patient.ssn', 'Patient.fullName'], status: 'unapproved', model: 'gpt-4o', phiCategories: [{ id: 'G', title: 'Social Security numbers', phi: ['Patient.ssn'] }, { id: 'A', title: 'Names', phi: ['Patient.fullName'] }] }),
    site({ fileName: '/ws/src/odd, "name"\nfile.ts', range: range(9, 0), call: 'messages.create', vendorId: 'aws-bedrock', vendorName: 'AWS Bedrock', approved: true, status: 'out-of-scope', statusDetail: 'region eu-west-1 is outside the BAA', model: null, region: 'eu-west-1' }),
    site({ fileName: '/ws/=cmd|calc.ts', call: 'generate', vendorId: 'internal-gateway', vendorName: 'Internal', firstParty: true, status: 'first-party' }),
  ];

  it('quotes CSV fields with commas, quotes and line breaks, and doubles the quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\rhere'), '"cr\rhere"');
    assert.equal(csvField(12), '12');
  });

  it('defuses fields a spreadsheet would run as formulas', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  });

  it('writes one CSV row per call site that reads back to the same values', () => {
    const csv = inventoryToCsv(result(sites), relative);
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], CSV_HEADER);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[1], ['src/a.ts', '5', '3', 'chat.completions.create', 'openai', 'OpenAI', 'unapproved', '', 'gpt-4o', '', 'Patient.ssn; Patient.fullName', 'Social Security numbers; Names']);
    assert.deepEqual(rows[2], ['src/odd, "name"\nfile.ts', '10', '1', 'messages.create', 'aws-bedrock', 'AWS Bedrock', 'out-of-scope', 'region eu-west-1 is outside the BAA', 'unknown', 'eu-west-1', '', '']);
    assert.equal(rows[3][0], "'=cmd|calc.ts");
    assert.equal(rows[3][6], 'first-party');
  });

  it('writes JSON with 1-based positions, the BAA status, scope and categories', () => {
    const json = JSON.parse(inventoryToJson(result(sites, { complete: false, incomplete: '1 file could not be analyzed', failedFiles: ['/ws/src/broken.ts'] }), relative));
    assert.equal(json.complete, false);
    assert.equal(json.incomplete, '1 file could not be analyzed');
    assert.deepEqual(json.notAnalyzed, ['src/broken.ts']);
    assert.equal(json.callSites.length, 3);
    assert.deepEqual(json.callSites[0], {
      file: 'src/a.ts',
      line: 5,
      column: 3,
      call: 'chat.completions.create',
      vendor: { id: 'openai', name: 'OpenAI' },
      baa: 'unapproved',
      model: 'gpt-4o',
      phi: ['Patient.ssn', 'Patient.fullName'],
      phiCategories: [
        { id: 'G', title: 'Social Security numbers', phi: ['Patient.ssn'] },
        { id: 'A', title: 'Names', phi: ['Patient.fullName'] },
      ],
    });
    assert.equal(json.callSites[1].model, null);
    assert.equal(json.callSites[1].baaDetail, 'region eu-west-1 is outside the BAA');
  });

  it('writes a Markdown table whose cells cannot break the table', () => {
    const md = inventoryToMarkdown(result(sites), relative);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, 2 + sites.length);
    // Every row has the header's 8 columns: escaped pipes and newlines do not add any.
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length - 2, 8, row);
    assert.match(md, /3 LLM call sites in 3 analyzed files; 2 not covered by a BAA in phi-guard.config.json; 1 reached by PHI/);
    assert.match(rows[2], /\| src\/a\.ts \| 5 \| `chat\.completions\.create` \| OpenAI \(`openai`\) \| no BAA \| model gpt-4o \| Patient\.ssn, Patient\.fullName \| Social Security numbers; Names \|/);
    assert.match(rows[3], /BAA, but outside its scope \(region eu-west-1 is outside the BAA\) \| model unknown, region eu-west-1/);
  });

  it('says at the top when the inventory is incomplete', () => {
    const md = formatInventory(result([], { complete: false, incomplete: 'analysis was still running' }), 'markdown', relative);
    assert.match(md, /\*\*Incomplete:\*\* analysis was still running/);
    assert.doesNotMatch(formatInventory(result([]), 'markdown', relative), /Incomplete/);
  });
});
