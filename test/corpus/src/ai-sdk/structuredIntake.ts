import { generateObject, streamObject } from 'ai';
import { google } from '@ai-sdk/google';
import { mistral } from '@ai-sdk/mistral';
import { z } from 'zod';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Structured extraction from notes into the problem list, with Gemini and Mistral. */
const problemList = z.object({
  problems: z.array(z.object({ label: z.string(), icd10: z.string(), active: z.boolean() })),
});

export async function extractProblems(note: ClinicalNote): Promise<z.infer<typeof problemList>> {
  const { object } = await generateObject({ // expect: approved-vendors
    model: google('gemini-2.5-flash'),
    schema: problemList,
    prompt: `Extract the problem list from:\n${note.assessment}`, // expect: no-phi-in-prompt
  });
  return object;
}

export async function streamMedicationReconciliation(patient: Patient): Promise<void> {
  const result = streamObject({ // expect: approved-vendors
    model: mistral('mistral-large-latest'),
    schema: z.object({ keep: z.array(z.string()), stop: z.array(z.string()) }),
    messages: [
      {
        role: 'user',
        content: JSON.stringify(patient.medications), // expect: no-phi-in-prompt
      },
    ],
  });
  for await (const partial of result.partialObjectStream) void partial;
}
