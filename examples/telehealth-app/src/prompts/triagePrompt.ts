import type { Appointment, VisitType } from '../models.js';

const VISIT_LABELS: Record<VisitType, string> = {
  'new-patient': 'new patient visit',
  'follow-up': 'follow-up visit',
  'urgent-care': 'urgent care video visit',
  'behavioral-health': 'behavioral health session',
};

/** Builds the triage prompt from a booked appointment. Shared by the web and SMS intake flows. */
export function buildTriagePrompt(appointment: Appointment): string {
  return [
    `Booked as: ${VISIT_LABELS[appointment.visitType]}.`,
    `Reason for visit, in the patient's words: "${appointment.reason}"`,
    'Classify the urgency as EMERGENT, URGENT or ROUTINE and give a one-sentence rationale.',
  ].join('\n');
}
