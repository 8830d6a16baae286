/**
 * Flows that start where types stop (issue 11): names unpacked from `any`/`unknown`, index
 * signatures, and request bodies entering through real framework typings (Express, Fastify,
 * the web Request, AWS Lambda, NestJS), under each `phi.requestBodies` policy.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { analyzeFile, parseConfigText } from '@phi-guard/core';
import { programWith, ruleFixture } from '../support/program';

const HEAD = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nconst ask = (content: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content }] });\n`;

/** "line [phi...]" for each no-phi-in-prompt finding, sorted; `typeChecks` asks for 0 errors first. */
function phiRows(code: string, requestBodies?: string, typeChecks = true): string[] {
  const { program, sourceFile } = programWith(code);
  if (typeChecks) {
    const errors = program.getSemanticDiagnostics(sourceFile).concat(program.getSyntacticDiagnostics(sourceFile));
    assert.deepEqual(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], 'the test program does not type-check');
  }
  const configFile = path.join(ruleFixture, 'phi-guard.config.json');
  const settings = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { phi: Record<string, unknown> };
  if (requestBodies) settings.phi.requestBodies = requestBodies;
  const config = parseConfigText(JSON.stringify(settings), configFile);
  return analyzeFile(program, sourceFile, config)
    .findings.filter((f) => f.ruleId === 'no-phi-in-prompt')
    .map((f) => `${f.range.startPos.line + 1} ${(f.phi ?? []).join(',')}`)
    .sort();
}

describe('engine: names unpacked where the types say nothing', () => {
  it('a binding pattern over `any` is judged by field name, weak names beside a strong one', () => {
    const code = `${HEAD}export async function handler(req: any) {\n  const { ssn, dateOfBirth, complaint, visitId } = req.body;\n  await ask(\`\${ssn} \${dateOfBirth} \${complaint} \${visitId}\`);\n}\nexport async function topicOnly(req: any) {\n  const { complaint, topic } = req.body;\n  await ask(\`\${complaint} \${topic}\`);\n}`;
    assert.deepEqual(phiRows(code), ['6 req.body.complaint', '6 req.body.dateOfBirth', '6 req.body.ssn']);
  });

  it('nested patterns in parameters, rest elements and `unknown` cast to any', () => {
    const code = `${HEAD}export async function h({ body: { mrn, topic } }: any) {\n  await ask(\`\${mrn} \${topic}\`);\n}\nexport async function g(body: unknown) {\n  const { diagnosis, ...rest } = body as any;\n  await ask(\`\${diagnosis} \${rest.medications} \${rest.page}\`);\n}`;
    assert.deepEqual(phiRows(code), ['5 h(arg1).body.mrn', '9 body.diagnosis', '9 rest.medications']);
  });

  it('an index signature declares no member: the field name decides', () => {
    const code = `${HEAD}export async function f(body: { [key: string]: any }, row: Record<string, string>) {\n  await ask(\`\${body.allergies} \${row.ssn} \${row.clinic}\`);\n}`;
    assert.deepEqual(phiRows(code), ['5 body.allergies', '5 row.ssn']);
  });

  it('process.env is configuration: its index signature is not a record of field names', () => {
    const code = `/// <reference types="node" />\n${HEAD}export async function f(row: Record<string, string>) {\n  await ask(\`\${process.env.PATIENT_NAME} \${row.patientName}\`);\n}`;
    assert.deepEqual(phiRows(code), ['6 row.patientName']);
  });

  it('a typed parameter that marks one member PHI keeps what the caller put in the others', () => {
    const code = `${HEAD}import type { Patient, PHI } from './models.js';\ninterface Visit { id: string; reason: PHI<string>; notes: string }\nfunction summarize(v: Visit) { return \`\${v.reason} / \${v.notes} / \${v.id}\`; }\nexport async function f(p: Patient) {\n  const visit: Visit = { id: p.id, reason: 'checkup' as PHI<string>, notes: p.fullName };\n  return ask(summarize(visit));\n}`;
    assert.deepEqual(phiRows(code), ['6 Visit.reason', '8 Patient.fullName']);
  });
});

const EXPRESS = `import type { Request as ExpressRequest } from 'express';\n`;

describe('engine: request bodies enter where the framework hands them over', () => {
  const frameworks = `${HEAD}${EXPRESS}import type { FastifyRequest } from 'fastify';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nimport { z } from 'zod';
export async function express(req: ExpressRequest) {
  const { ssn, complaint, page } = req.body;
  await ask(\`\${ssn} \${complaint} \${page}\`);
  await ask(JSON.stringify(req.body));
  await ask(req.body.question);
}
export async function fastify(request: FastifyRequest) {
  await ask(JSON.stringify(request.body));
}
export async function POST(request: Request) {
  const body = await request.json();
  await ask(\`\${body.dateOfBirth} \${body.topic}\`);
  await ask(JSON.stringify(body));
  const upstream = await (await fetch('https://example.com/api')).json();
  await ask(JSON.stringify(upstream));
}
export async function lambda(event: APIGatewayProxyEvent) {
  const { mrn, topic } = JSON.parse(event.body ?? '{}');
  await ask(\`\${mrn} \${topic}\`);
  await ask(event.body ?? '');
}
const intakeSchema = z.object({ diagnosis: z.string(), topic: z.string() });
export async function zod(req: ExpressRequest) {
  const input = intakeSchema.parse(req.body);
  await ask(\`\${input.diagnosis} \${input.topic}\`);
  await ask(JSON.stringify(input));
}`;

  it('"whole" (default): the body sent whole is PHI, a member read from it by its name; a fetch response is not a request', () => {
    assert.deepEqual(phiRows(frameworks), [
      '10 req.body.complaint',
      '10 req.body.ssn',
      '11 request body req.body',
      '15 request body request.body',
      '19 body.dateOfBirth',
      '20 request body request.json()',
      "26 JSON.parse(event.body??'{}').mrn",
      '27 request body event.body',
      '32 intakeSchema.diagnosis',
      '33 request body req.body,intakeSchema.diagnosis',
    ]);
  });

  it('"all": every member of a body is PHI too', () => {
    const rows = phiRows(frameworks, 'all');
    for (const line of ['10', '12', '19', '26', '32']) assert.ok(rows.some((r) => r.startsWith(`${line} `) && /request body/.test(r)), `${line} in ${rows.join(' | ')}`);
    assert.ok(!rows.some((r) => r.startsWith('22 ')), 'a fetch response is still not a request body');
  });

  it('"fieldNames": only names decide', () => {
    assert.deepEqual(phiRows(frameworks, 'fieldNames'), [
      '10 req.body.complaint',
      '10 req.body.ssn',
      '19 body.dateOfBirth',
      "26 JSON.parse(event.body??'{}').mrn",
      '32 intakeSchema.diagnosis',
      '33 intakeSchema.diagnosis',
    ]);
  });

  it('NestJS @Body(): the DTO as a whole, its members by name, @Body(\'field\') by the field', () => {
    // Parameter decorators need experimentalDecorators, which the rule fixture does not set: the
    // checker still resolves them, and the engine reads only the resolved declaration.
    const code = `${HEAD}import { Body, Controller, Post } from '@nestjs/common';
class IntakeDto { ssn!: string; topic!: string; }
@Controller('intake')
export class IntakeController {
  @Post()
  async create(@Body() dto: IntakeDto, @Body('diagnosis') diagnosis: string, @Body('topic') topic: string) {
    await ask(\`\${dto.ssn} \${dto.topic} \${diagnosis} \${topic}\`);
    await ask(JSON.stringify(dto));
  }
}`;
    assert.deepEqual(phiRows(code, undefined, false), ['10 IntakeDto.ssn', '10 body.diagnosis', '11 request body @Body() dto,IntakeDto.ssn']);
  });
});
