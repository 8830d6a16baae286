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
