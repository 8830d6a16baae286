/**
 * The LLM data map a HIPAA risk analysis and BAA review ask for: which PHI goes to which vendor,
 * where, under which agreement. Built from what the engine already returns (call sites and
 * findings); the CLI renders it (`phi-guard report`), an editor may list it.
 *
 * PHI names ("Patient.dateOfBirth", "Encounter.diagnosis") are mapped to the 18 identifier
 * categories of the HIPAA Safe Harbor method (45 CFR 164.514(b)(2)(i)) by their member name;
 * what is not an identifier (diagnoses, notes, medications...) is clinical content, which is
 * PHI when it is about an identifiable person.
 */
import type { BaaStatus, CallSite } from './findings';

export interface SafeHarborCategory {
  /** "A".."R" as in 164.514(b)(2)(i), "clinical" for clinical content, "record" for whole records. */
  id: string;
  title: string;
}

export const SAFE_HARBOR: readonly SafeHarborCategory[] = [
  { id: 'A', title: 'Names' },
  { id: 'B', title: 'Geographic subdivisions smaller than a state' },
  { id: 'C', title: 'Dates (except year) related to an individual' },
  { id: 'D', title: 'Telephone numbers' },
  { id: 'E', title: 'Fax numbers' },
  { id: 'F', title: 'Email addresses' },
  { id: 'G', title: 'Social Security numbers' },
  { id: 'H', title: 'Medical record numbers' },
  { id: 'I', title: 'Health plan beneficiary numbers' },
  { id: 'J', title: 'Account numbers' },
  { id: 'K', title: 'Certificate/license numbers' },
  { id: 'L', title: 'Vehicle identifiers and serial numbers' },
  { id: 'M', title: 'Device identifiers and serial numbers' },
  { id: 'N', title: 'Web URLs' },
  { id: 'O', title: 'IP addresses' },
  { id: 'P', title: 'Biometric identifiers' },
  { id: 'Q', title: 'Full-face photographs and comparable images' },
  { id: 'R', title: 'Other unique identifying numbers, characteristics or codes' },
  { id: 'record', title: 'Whole record (several identifiers at once)' },
  { id: 'clinical', title: 'Clinical content (conditions, notes, medications, results)' },
];

/** Order matters: the first match wins ("faxNumber" is a fax before it is a number). */
const PATTERNS: readonly [string, RegExp][] = [
  ['G', /\bssn\b|social security|\bsocial\b/],
  ['E', /\bfax\b/],
  ['F', /\be ?mail\b/],
  ['D', /\bphone\b|\bmobile\b|\bcell\b|\btelephone\b|\btel\b/],
  ['H', /\bmrn\b|medical record|\bchart (number|no|id)\b|\bpatient (number|no)\b/],
  ['I', /insurance|\bmember (id|number|no)\b|\bpolicy\b|beneficiary|health plan|\bpayer\b|subscriber|medicaid|medicare|\bplan (id|number)\b/],
  ['J', /account|\bbank\b|\biban\b|card number|credit card/],
  ['K', /licen[cs]e|certificate/],
  ['L', /vehicle|\bvin\b|\bplate\b/],
  ['M', /device|serial|\bimei\b|\budi\b/],
  ['N', /\burl\b|\bwebsite\b|\bhomepage\b|\buri\b/],
  ['O', /\bip\b|ip address/],
  ['P', /biometric|fingerprint|retina|\bvoice ?print\b|face ?id/],
  ['Q', /photo|\bimage\b|picture|avatar|selfie/],
  ['C', /\bdate\b|\bdob\b|birth|\bborn\b|admi(ssion|tted)|discharge|death|deceased|\bage\b|appointment|\bvisit (time|date)\b|\bscheduled\b/],
  ['B', /address|street|\bcity\b|\bzip\b|postal|county|\bgeo\b|location|latitude|longitude|\bline ?[12]\b|\btown\b/],
  ['A', /\bname\b|\binitials\b|\bsurname\b/],
  ['R', /\bid\b|identifier|\bnumber\b|\busername\b|\bhandle\b|\bcode\b/],
];

/** "Patient.dateOfBirth" -> "date of birth"; "patient_home_phone" -> "patient home phone". */
function words(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** The Safe Harbor category of one PHI name as the engine reports it. */
export function safeHarborCategory(phi: string): SafeHarborCategory {
  // "Patient.address.city" -> "city"; "Patient" (a whole record) has no member; "PHI<string>" is a brand.
  const clean = phi.replace(/\s*\(.*\)$/, '');
  const parts = clean.split('.');
  const member = parts.length > 1 ? parts[parts.length - 1]! : '';
  const byId = (id: string) => SAFE_HARBOR.find((c) => c.id === id)!;
  if (!member) {
    const w = words(clean);
    for (const [id, re] of PATTERNS) if (re.test(w) && id !== 'R' && id !== 'A') return byId(id);
    return byId('record');
  }
  const w = words(member);
  for (const [id, re] of PATTERNS) if (re.test(w)) return byId(id);
  return byId('clinical');
}

export interface DataMapCallSite {
  site: CallSite;
  status: BaaStatus;
  /** PHI names with their category, in the order the engine listed them. */
  phi: { name: string; category: SafeHarborCategory }[];
}

export interface DataMapVendor {
  id: string;
  name: string;
  statuses: BaaStatus[];
  callSites: number;
  /** Categories of PHI that reach this vendor, by id. */
  categories: string[];
}

export interface DataMap {
  callSites: DataMapCallSite[];
  vendors: DataMapVendor[];
  /** Categories that reach at least one call, in SAFE_HARBOR order, with the calls they reach. */
  categories: { category: SafeHarborCategory; callSites: number; phi: string[] }[];
}

/** A call site's status, for call sites from an engine that predates `CallSite.status`. */
export function statusOf(site: CallSite): BaaStatus {
  if (site.status) return site.status;
  if (site.vendor.id === 'unknown') return 'unknown-endpoint';
  if (site.firstParty) return 'first-party';
  return site.approved ? 'approved' : 'unapproved';
}

export function buildDataMap(callSites: readonly CallSite[]): DataMap {
  const sites: DataMapCallSite[] = callSites.map((site) => ({
    site,
    status: statusOf(site),
    phi: site.phi.map((name) => ({ name, category: safeHarborCategory(name) })),
  }));
  const vendors = new Map<string, DataMapVendor>();
  for (const s of sites) {
    let v = vendors.get(s.site.vendor.id);
    if (!v) vendors.set(s.site.vendor.id, (v = { id: s.site.vendor.id, name: s.site.vendor.name, statuses: [], callSites: 0, categories: [] }));
    v.callSites++;
    if (!v.statuses.includes(s.status)) v.statuses.push(s.status);
    for (const p of s.phi) if (!v.categories.includes(p.category.id)) v.categories.push(p.category.id);
  }
  const categories = SAFE_HARBOR.map((category) => {
    const reaching = sites.filter((s) => s.phi.some((p) => p.category.id === category.id));
    const phi = [...new Set(reaching.flatMap((s) => s.phi.filter((p) => p.category.id === category.id).map((p) => p.name)))].sort();
    return { category, callSites: reaching.length, phi };
  }).filter((c) => c.callSites > 0);
  return { callSites: sites, vendors: [...vendors.values()].sort((a, b) => a.name.localeCompare(b.name)), categories };
}
