/**
 * Field-name heuristics, used only for values the types say nothing about (any, untyped
 * JSON, plain JavaScript, interfaces without any PHI marking). Names are compared after
 * lower-casing and dropping "_" and "-", so ssn, SSN, social_security_number all match.
 *
 * STRONG names identify a person or describe their care on their own: the HIPAA Safe Harbor
 * identifiers (45 CFR 164.514(b)(2)(i) items A–R) plus clinical content.
 * WEAK names (name, email, phone, address...) are PHI only inside a patient-like object:
 * `clinic.name` or `vendor.email` is not PHI, `patient.email` is.
 */

export const STRONG_PHI_FIELD_NAMES: readonly string[] = [
  // Safe Harbor (A) names
  'fullname', 'firstname', 'lastname', 'middlename', 'givenname', 'familyname', 'surname', 'maidenname', 'patientname', 'legalname',
  // (B) geographic subdivisions smaller than a state
  'streetaddress', 'homeaddress', 'mailingaddress', 'addressline1', 'addressline2',
  // (C) dates directly related to an individual
  'dateofbirth', 'dob', 'birthdate', 'birthday', 'admissiondate', 'admitdate', 'dischargedate', 'dateofdeath', 'deathdate', 'dateofservice',
  // (D–F) phone, fax, email
  'phonenumber', 'homephone', 'mobilephone', 'cellphone', 'faxnumber', 'emailaddress', 'personalemail',
  // (G–K) numbers
  'ssn', 'socialsecuritynumber', 'socialsecurity', 'mrn', 'medicalrecordnumber', 'chartnumber', 'insurancememberid', 'memberid', 'insuranceid',
  'subscriberid', 'policynumber', 'groupnumber', 'healthplanid', 'healthplanbeneficiarynumber', 'beneficiaryid', 'medicaidid', 'medicareid', 'medicarenumber',
  'accountnumber', 'certificatenumber', 'licensenumber', 'driverslicense', 'driverslicensenumber', 'passportnumber',
  // (L–M) vehicle and device identifiers
  'vin', 'licenseplate', 'deviceserialnumber', 'deviceid', 'implantserialnumber',
  // (N–Q) URLs, IPs, biometrics, photos
  'ipaddress', 'biometric', 'biometrics', 'fingerprint', 'voiceprint', 'retinascan', 'faceimage', 'facephoto', 'photo', 'headshot',
  'insurancecard', 'insurancecardimage', 'insurancecardphoto', 'idcardimage', 'recording', 'visitrecording', 'audiorecording',
  // clinical content
  'diagnosis', 'diagnoses', 'diagnosiscode', 'diagnosiscodes', 'icd10', 'icd10code', 'icdcode', 'icdcodes', 'problemlist',
  'medication', 'medications', 'medicationlist', 'prescription', 'prescriptions', 'rx', 'dosage',
  'allergy', 'allergies', 'symptom', 'symptoms', 'chiefcomplaint', 'presentingcomplaint', 'reasonforvisit', 'visitreason',
  'clinicalnote', 'clinicalnotes', 'chartnote', 'chartnotes', 'visitnote', 'visitnotes', 'progressnote', 'progressnotes', 'soapnote',
  'dischargesummary', 'historyofpresentillness', 'hpi', 'assessment', 'treatmentplan', 'careplan',
  'labresult', 'labresults', 'labvalues', 'testresult', 'testresults', 'vitals', 'vitalsigns', 'bloodpressure', 'heartrate', 'bloodtype',
  'condition', 'conditions', 'procedures', 'immunizations', 'vaccinations', 'medicalhistory', 'familyhistory', 'surgicalhistory', 'socialhistory',
  'hivstatus', 'pregnancystatus', 'mentalhealth', 'substanceuse', 'geneticinfo', 'genetictest',
];

export const WEAK_PHI_FIELD_NAMES: readonly string[] = [
  'name', 'email', 'phone', 'mobile', 'address', 'street', 'city', 'zip', 'zipcode', 'postalcode', 'age', 'gender', 'sex',
  'notes', 'note', 'history', 'reason', 'complaint', 'dateofvisit', 'visitdate', 'appointmentdate',
];

/** Names that make an object patient-like (for weak names): its type or variable name contains one. */
export const PATIENT_LIKE_NAME = /patient|member|beneficiar|enrollee|subscriber|person|resident|guardian|dependent|demographic/i;

export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, '');
}

export interface FieldNameSets {
  strong: ReadonlySet<string>;
  weak: ReadonlySet<string>;
  exclude: ReadonlySet<string>;
}

export function buildFieldNameSets(builtin: boolean, include: readonly string[], exclude: readonly string[]): FieldNameSets {
  const strong = new Set<string>(builtin ? STRONG_PHI_FIELD_NAMES : []);
  for (const name of include) strong.add(normalizeFieldName(name));
  return {
    strong,
    weak: new Set(builtin ? WEAK_PHI_FIELD_NAMES : []),
    exclude: new Set(exclude.map(normalizeFieldName)),
  };
}

export type FieldNameVerdict = 'strong' | 'weak' | undefined;

export function classifyFieldName(name: string, sets: FieldNameSets): FieldNameVerdict {
  const n = normalizeFieldName(name);
  if (sets.exclude.has(n)) return undefined;
  if (sets.strong.has(n)) return 'strong';
  if (sets.weak.has(n)) return 'weak';
  return undefined;
}
