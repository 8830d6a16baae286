import type { VisitRecording } from '../domain/clinical.js';

/**
 * Ambient scribe prototype: uploads the visit recording to hosted speech-to-text vendors.
 * The audio of a visit is PHI; neither vendor has a BAA on record.
 */

export async function transcribeWithAssemblyAi(recording: VisitRecording): Promise<unknown> {
  const upload = await fetch('https://api.assemblyai.com/v2/upload', { // expect: approved-vendors
    method: 'POST',
    headers: { authorization: process.env.ASSEMBLYAI_API_KEY ?? '' },
    body: recording.audio, // expect: no-phi-in-prompt
  });
  return upload.json();
}

export async function transcribeWithDeepgram(recording: VisitRecording): Promise<unknown> {
  const res = await fetch('https://api.deepgram.com/v1/listen?model=nova-3-medical', { // expect: approved-vendors
    method: 'POST',
    headers: { authorization: `Token ${process.env.DEEPGRAM_API_KEY}`, 'content-type': recording.mimeType },
    body: recording.audio, // expect: no-phi-in-prompt
  });
  return res.json();
}
