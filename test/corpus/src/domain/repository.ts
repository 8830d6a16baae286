import type { Patient } from './patient.js';
import type { Appointment, ClinicalNote, Encounter, LabResult, VisitRecording } from './clinical.js';
import type { ClinicStats, InsuranceClaim } from './operations.js';

/** Data access, implemented over the EHR's database elsewhere. */
export declare function loadPatient(id: string): Promise<Patient>;
export declare function loadNote(id: string): Promise<ClinicalNote>;
export declare function loadNotes(patientId: string): Promise<ClinicalNote[]>;
export declare function loadEncounter(id: string): Promise<Encounter>;
export declare function loadLabs(patientId: string): Promise<LabResult[]>;
export declare function loadAppointment(id: string): Promise<Appointment>;
export declare function loadRecording(id: string): Promise<VisitRecording>;
export declare function loadClaim(claimNumber: string): Promise<InsuranceClaim>;
export declare function loadStats(clinicId: string): Promise<ClinicStats>;
