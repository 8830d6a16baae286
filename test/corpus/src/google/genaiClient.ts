import { GoogleGenAI } from '@google/genai';
import type { Encounter } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * The newer Google Gen AI SDK, used two ways: with an API key (Gemini API, google-gemini) and
 * against Vertex AI (`vertexai: true`, google-vertex). Neither is approved.
 */
const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const vertex = new GoogleGenAI({ vertexai: true, project: 'carebridge-ml', location: 'us-central1' });

export async function visitTitle(encounter: Encounter): Promise<string> {
  const response = await gemini.models.generateContent({ // expect: approved-vendors
    model: 'gemini-2.5-flash',
    contents: `Give a five-word title for a visit about: ${encounter.reasonForVisit}`, // expect: no-phi-in-prompt
  });
  return response.text ?? '';
}

export async function visitSummaryVertex(patient: Patient, encounter: Encounter): Promise<string> {
  const response = await vertex.models.generateContent({ // expect: approved-vendors
    model: 'gemini-2.5-pro',
    contents: [
      {
        role: 'user',
        parts: [
          { text: `Patient DOB ${patient.dateOfBirth}` }, // expect: no-phi-in-prompt
          { text: encounter.note.subjective }, // expect: no-phi-in-prompt
        ],
      },
    ],
    config: { systemInstruction: 'Summarize for the referring physician.', temperature: 0.2 },
  });
  return response.text ?? '';
}

/** Clean: a count and a visit kind. */
export async function staffingHint(encounters: Encounter[]): Promise<string> {
  const videoCount = encounters.filter((e) => e.kind === 'video').length;
  const response = await vertex.models.generateContent({ model: 'gemini-2.5-flash', contents: `We had ${videoCount} video visits today. Suggest staffing.` }); // expect: approved-vendors
  return response.text ?? '';
}
