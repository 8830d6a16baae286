/**
 * FHIR resources that describe a person or their care (SPEC 3.4). Values of these types from
 * @medplum/fhirtypes or @types/fhir are PHI-bearing; every member is PHI except the few that
 * only describe the record itself.
 */
export const FHIR_MODULES: readonly string[] = ['@medplum/fhirtypes', '@types/fhir'];

export const FHIR_PHI_RESOURCES: ReadonlySet<string> = new Set([
  'Patient', 'Person', 'RelatedPerson', 'Observation', 'Condition', 'Encounter', 'EpisodeOfCare',
  'MedicationRequest', 'MedicationStatement', 'MedicationAdministration', 'MedicationDispense',
  'DiagnosticReport', 'Procedure', 'AllergyIntolerance', 'Immunization', 'CarePlan', 'CareTeam', 'Goal',
  'Claim', 'ClaimResponse', 'Coverage', 'ExplanationOfBenefit', 'DocumentReference', 'Composition',
  'QuestionnaireResponse', 'Appointment', 'ServiceRequest', 'Specimen', 'FamilyMemberHistory',
  'ClinicalImpression', 'Communication', 'CommunicationRequest', 'Consent', 'ImagingStudy', 'Media',
  'NutritionOrder', 'RiskAssessment', 'VisionPrescription', 'DeviceRequest', 'DeviceUseStatement',
  'Flag', 'DetectedIssue', 'AdverseEvent', 'Invoice', 'Account', 'MolecularSequence', 'BodyStructure',
]);

/** Members that describe the record, not the person. */
export const FHIR_NON_PHI_MEMBERS: ReadonlySet<string> = new Set(['resourceType', 'id', 'meta', 'implicitRules', 'language']);

/**
 * Members of FHIR datatypes that say how data is encoded or which code system or search produced
 * it, never who the person is: an attachment's MIME type and size, the namespace URL of an
 * identifier or coding, an extension's URL (the key it is looked up by), a search result's mode
 * and score. Read from a patient's resource they are still not PHI.
 */
export const FHIR_NON_PHI_DATATYPE_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  Attachment: ['contentType', 'size', 'hash'],
  Identifier: ['system', 'use'],
  Coding: ['system', 'version'],
  Extension: ['url'],
  BundleEntrySearch: ['mode', 'score'],
};
