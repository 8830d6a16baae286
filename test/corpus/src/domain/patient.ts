import type { PHI } from '../phi/brand.js';

export type LanguageCode = 'en' | 'es' | 'vi' | 'zh';

export interface Address {
  line1: string;
  city: string;
  state: string;
  zip: string;
}

export interface Medication {
  name: string;
  dose: string;
  frequency: string;
}

/** A patient of the clinic network. Only the members tagged `@phi` identify the person. */
export interface Patient {
  /** Surrogate key (UUID). */
  id: string;
  clinicId: string;
  preferredLanguage: LanguageCode;
  portalEnabled: boolean;
  /** @phi */
  fullName: string;
  /** @phi */
  dateOfBirth: string;
  /** @phi */
  ssn: string;
  /** @phi medical record number */
  mrn: string;
  /** @phi */
  email: string;
  /** @phi */
  phone: string;
  /** @phi */
  address: Address;
  /** @phi */
  allergies: string[];
  /** @phi */
  medications: Medication[];
  /** Base64 JPEG of the front of the insurance card. */
  insuranceCardPhoto: PHI<string>;
}
