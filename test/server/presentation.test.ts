/**
 * How the server presents a flow to the user: the hover (Markdown) and the Problems panel
 * (related information). Each step names its file relative to the workspace, its line, and
 * links to it; each reached call is listed once; the hover speaks only of the PHI the hovered
 * expression carries.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from './support/lspClient';
import { copyFixture, removeCopy } from './support/workspace';

describe('language server: flow presentation (hover, related information)', function () {
  this.timeout(120_000);
  let folder: string;
  let client: LspClient;
  let visit: string;
  let format: string;

  before(async () => {
    folder = copyFixture('presentation');
    visit = path.join(folder, 'src/visit.ts');
    format = path.join(folder, 'src/format.ts');
    client = await LspClient.start({ workspaceFolders: [folder] });
    client.open(visit);
    await client.diagnosticsFor(visit, (ds) => ds.length === 5);
  });

  after(async () => {
    await client?.stop();
    removeCopy(folder);
  });

  async function hoverOn(word: string, nth = 0): Promise<string> {
    const lines = client.text(visit).split('\n');
    const line = lines.findIndex((l) => l.includes(word));
    let character = -1;
    for (let i = 0; i <= nth; i++) character = lines[line].indexOf(word, character + 1);
    const hover = await client.hover(visit, line, character + 1);
    assert.ok(hover, `a hover on ${word}`);
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    return (hover.contents as MarkupContent).value;
  }

  it('hovering one field of a template names only the PHI that field carries', async () => {
    const markdown = await hoverOn('patient.firstName');
    assert.match(markdown, /carries PHI `Patient\.firstName`$/m);
    for (const other of ['Patient.lastName', 'Patient.mrn', 'VisitNote.body']) assert.ok(!markdown.includes(other), `${other} is not carried by patient.firstName:\n${markdown}`);
  });

  it('hovering the variable the template is assigned to names all of it, and the call it reaches once', async () => {
    const markdown = await hoverOn('prompt');
    for (const phi of ['Patient.firstName', 'Patient.lastName', 'Patient.mrn', 'VisitNote.body']) assert.match(markdown, new RegExp(phi.replace('.', '\\.')));
    const reached = markdown.split('\n').filter((l) => l.startsWith('- ') && l.includes('chat.completions.create'));
    assert.equal(reached.length, 1, `one "Reaches" line for the one call:\n${markdown}`);
    assert.ok(reached[0].includes(`[src/visit.ts:9](${uriOf(visit)}#L9)`), reached[0]);
  });

  it('each step of the path is its own list item with the file relative to the workspace, the line and a link', async () => {
    const markdown = await hoverOn('noteLine(note)');
    assert.match(markdown, /carries PHI `VisitNote\.body`$/m);
    const steps = markdown.split('\n').filter((l) => /^\d+\. /.test(l));
    assert.deepEqual(
      steps.map((s) => /^\d+\. \[([^\]]+)\]\(([^)]+)\)/.exec(s)?.slice(1)),
      [
        ['src/format.ts:4', `${uriOf(format)}#L4`],
        ['src/format.ts:4', `${uriOf(format)}#L4`],
        ['src/format.ts:5', `${uriOf(format)}#L5`],
        ['src/visit.ts:8', `${uriOf(visit)}#L8`],
        ['src/visit.ts:8', `${uriOf(visit)}#L8`],
        ['src/visit.ts:8', `${uriOf(visit)}#L8`],
        ['src/visit.ts:9', `${uriOf(visit)}#L9`],
      ],
      markdown,
    );
    // A Markdown list: a blank line before it, so it never runs on from the heading.
    const first = markdown.split('\n').findIndex((l) => l.startsWith('1. '));
    assert.equal(markdown.split('\n')[first - 1], '', markdown);
  });

  it('the Problems panel: each step of the flow names its file relative to the workspace and its line, and links to it', async () => {
    const diagnostics = await client.diagnosticsFor(visit);
    const note = diagnostics.find((d) => /VisitNote\.body/.test(String(d.message)));
    assert.ok(note, 'a finding for the note');
    assert.deepEqual(
      note.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1, /\(([^()]+)\)$/.exec(r.message)?.[1]]),
      [
        [uriOf(format), 4, 'src/format.ts:4'],
        [uriOf(format), 4, 'src/format.ts:4'],
        [uriOf(format), 5, 'src/format.ts:5'],
        [uriOf(visit), 8, 'src/visit.ts:8'],
        [uriOf(visit), 8, 'src/visit.ts:8'],
        [uriOf(visit), 8, 'src/visit.ts:8'],
        [uriOf(visit), 9, 'src/visit.ts:9'],
      ],
    );
  });
});
