import { z } from 'zod';
import { generateText } from 'ai';
import { google } from '@ai-sdk/google';

/**
 * The public intake endpoint: the request body is `any` until zod parses it. The parsed type is
 * inferred from the schema and has no PHI markers, so field names decide in both cases.
 */
const intakeSchema = z.object({
  mrn: z.string(),
  dob: z.string(),
  medication: z.string(),
  visitReasonCategory: z.enum(['acute', 'chronic', 'preventive']),
  pageCount: z.number(),
});

interface HttpRequest {
  body: any;
  headers: Record<string, string>;
}

export async function preScreen(req: HttpRequest): Promise<string> {
  const intake = intakeSchema.parse(req.body);
  const { text } = await generateText({ // expect: approved-vendors
    model: google('gemini-2.5-flash'),
    prompt: [
      `Category: ${intake.visitReasonCategory}, ${intake.pageCount} pages`,
      `Current medication: ${intake.medication}`, // expect: no-phi-in-prompt
      `MRN ${intake.mrn}, DOB ${intake.dob}`, // expect: no-phi-in-prompt
      `Raw diagnosis field: ${req.body.diagnosis}`, // expect: no-phi-in-prompt
      `Client: ${req.headers['user-agent']}`,
    ].join('\n'),
  });
  return text;
}
