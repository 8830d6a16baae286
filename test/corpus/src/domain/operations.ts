/** Types the back office uses that are not clinical records. */

/** A claim: listed in phi-guard.config.json under phi.types, so its values are PHI. */
export interface InsuranceClaim {
  claimNumber: string;
  payerName: string;
  memberId: string;
  denialReason: string;
  billedAmountCents: number;
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

/** The patient portal's signup form, as the web form posts it. No markers: field names decide. */
export interface PortalSignup {
  mrn: string;
  dob: string;
  name: string;
  email: string;
  phone: string;
  marketingOptIn: boolean;
}

/** A referring practice's front desk. No markers, and nothing about a patient. */
export interface PracticeContact {
  name: string;
  email: string;
  phone: string;
  specialty: string;
}
