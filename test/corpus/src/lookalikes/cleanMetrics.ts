import OpenAI from 'openai';
import type { ClinicalNote, LabResult } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';
import type { ClinicStats } from '../domain/operations.js';

/**
 * Quality dashboard commentary: only ids, counts, lengths, booleans, aggregates and non-PHI
 * members reach the model. OpenAI is still not approved, so only approved-vendors fires.
 */
const openai = new OpenAI();

export async function chartCompleteness(patient: Patient, notes: ClinicalNote[], labs: LabResult[]): Promise<string> {
  const abnormalCount = labs.filter((l) => l.abnormal).length;
  const totalNoteChars = notes.reduce((sum, n) => sum + n.subjective.length + n.plan.length, 0);
  const hasFollowUp = notes.some((n) => n.plan.includes('follow-up'));
  const missingEmail = patient.email === '';
  const res = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      {
        role: 'user',
        content:
          `Patient ${patient.id} at clinic ${patient.clinicId}, portal ${patient.portalEnabled}. ` +
          `${notes.length} notes (${totalNoteChars} chars), ${patient.medications.length} medications, ` +
          `${abnormalCount} abnormal labs, follow-up planned: ${hasFollowUp}, email missing: ${missingEmail}. ` +
          `Name length ${patient.fullName.length}. Rate chart completeness 1-5.`,
      },
    ],
  });
  return res.choices[0]?.message.content ?? '';
}

export async function weeklyOps(stats: ClinicStats): Promise<string> {
  const res = await openai.responses.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    input: `Week of ${stats.weekOf}: ${stats.patientCount} patients, ${stats.visitCount} visits, no-show ${(stats.noShowRate * 100).toFixed(1)}%, wait ${stats.medianWaitMinutes} min.`,
  });
  return res.output_text;
}
