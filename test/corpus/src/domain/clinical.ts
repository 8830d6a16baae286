import type { PHI } from '../phi/brand.js';

/**
 * A signed clinician note: everything in it is PHI.
 * @phi
 */
export interface ClinicalNote {
  id: string;
  authorId: string;
  signedAt: string;
  chiefComplaint: string;
  subjective: string;
  assessment: string;
  plan: string;
}

export interface Encounter {
  id: string;
  patientId: string;
  kind: 'video' | 'phone' | 'in-person';
  durationMinutes: number;
  reasonForVisit: PHI<string>;
  note: ClinicalNote;
}

export interface LabResult {
  id: string;
  loincCode: string;
  unit: string;
  abnormal: boolean;
  value: PHI<string>;
  interpretation: PHI<string>;
}

export interface Appointment {
  id: string;
  patientId: string;
  startsAt: string;
  visitType: 'new-patient' | 'follow-up' | 'urgent-care';
  reason: PHI<string>;
}

export interface VisitRecording {
  id: string;
  encounterId: string;
  mimeType: 'audio/webm' | 'audio/mpeg';
  audio: PHI<Uint8Array<ArrayBuffer>>;
}
