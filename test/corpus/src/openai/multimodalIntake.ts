import OpenAI, { toFile } from 'openai';
import type { Patient } from '../domain/patient.js';
import type { VisitRecording } from '../domain/clinical.js';

/**
 * Multimodal intake: the insurance card photo as an image part, a visit recording to Whisper,
 * and structured extraction with parse() and a streamed response.
 */
const openai = new OpenAI();

export async function readCard(patient: Patient): Promise<string> {
  const res = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Extract payer, member id and group number.' },
          { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${patient.insuranceCardPhoto}` } }, // expect: no-phi-in-prompt
        ],
      },
    ],
  });
  return res.choices[0]?.message.content ?? '';
}

export async function transcribeVisit(recording: VisitRecording): Promise<string> {
  const file = await toFile(recording.audio, 'visit.webm', { type: recording.mimeType });
  const res = await openai.audio.transcriptions.create({ model: 'whisper-1', file }); // expect: approved-vendors, no-phi-in-prompt
  return res.text;
}

export async function extractDemographics(patient: Patient): Promise<string | null> {
  const res = await openai.chat.completions.parse({ // expect: approved-vendors
    model: 'gpt-4o-2024-08-06',
    messages: [{ role: 'user', content: `Normalize this address: ${patient.address.line1}, ${patient.address.city}` }], // expect: no-phi-in-prompt
    response_format: { type: 'json_object' },
  });
  return res.choices[0]?.message.content ?? null;
}

export async function streamIntro(patient: Patient): Promise<string> {
  const stream = openai.responses.stream({ model: 'gpt-4o-mini', input: `Greet ${patient.fullName} on the intake kiosk.` }); // expect: approved-vendors, no-phi-in-prompt
  const final = await stream.finalResponse();
  return final.output_text;
}
