import type { PHI } from './phi/brand.js';

export type LanguageCode = 'en' | 'es' | 'vi' | 'zh' | 'ht';

export interface Medication {
  name: string;
  dose: string;
  frequency: string;
}

/** A patient of the practice. Only the members tagged `@phi` identify the person. */
export interface Patient {
  /** Internal surrogate key (UUID), meaningless outside our database. */
  id: string;
  clinicId: string;
  preferredLanguage: LanguageCode;
  /** @phi */
  fullName: string;
  /** @phi ISO date, e.g. 1957-03-14 */
  dateOfBirth: string;
  /** @phi */
  ssn: string;
  /** @phi medical record number */
  mrn: string;
  /** @phi */
  address: { line1: string; city: string; state: string; zip: string };
  /** @phi */
  phone: string;
  /** @phi */
  medications: Medication[];
}

/**
 * A signed clinician note. Everything in it is PHI, including its ids and timestamps.
 * @phi
 */
export interface ClinicalNote {
  id: string;
  authorId: string;
  signedAt: string;
  chiefComplaint: string;
  subjective: string;
  assessmentAndPlan: string;
}

export interface Encounter {
  id: string;
  patientId: string;
  clinicianId: string;
  kind: 'video' | 'phone' | 'async';
  note: ClinicalNote;
}

export type VisitType = 'new-patient' | 'follow-up' | 'urgent-care' | 'behavioral-health';

export interface Appointment {
  id: string;
  patientId: string;
  visitType: VisitType;
  startsAt: string;
  /** What the patient typed in the booking form: branded, so it stays PHI wherever it goes. */
  reason: PHI<string>;
}

export interface IntakeForm {
  appointmentId: string;
  /** @phi free text: "chest tightness since Tuesday, worse on stairs" */
  symptoms: string;
  painScore: number;
}

/** Aggregates for the operations dashboard: no PHI. */
export interface ClinicStats {
  clinicId: string;
  weekOf: string;
  patientCount: number;
  visitCount: number;
  noShowRate: number;
  medianWaitMinutes: number;
}
