import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * PHI that goes to places that are not LLM vendors: the audit log, the EHR's database, the
 * internal notification bus. None of these is a sink for PHI Guard.
 */
declare const db: { insert(table: string, row: Record<string, unknown>): Promise<void> };
declare const bus: { publish(topic: string, body: string): Promise<void> };

export function logPromptForAudit(prompt: string): void {
  console.info(`[audit] prompt=${prompt}`);
}

export async function recordVisit(patient: Patient, note: ClinicalNote): Promise<void> {
  logPromptForAudit(`summary requested for ${patient.fullName}`);
  await db.insert('visit_summaries', { patientId: patient.id, mrn: patient.mrn, text: note.plan });
  await bus.publish('visits.summarized', JSON.stringify({ patient: patient.fullName, plan: note.plan }));
  await fetch('https://hooks.carebridge.internal/visits', { method: 'POST', body: JSON.stringify({ ssn: patient.ssn }) });
}
