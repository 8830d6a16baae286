import OpenAI from 'openai';
import type { ClinicStats } from '../models.js';

/** Operations digest: a weekly paragraph for clinic managers, from aggregate numbers only. */

const openai = new OpenAI();

/** No PHI (ClinicStats holds counts and rates), but OpenAI is still not an approved vendor. */
export async function writeWeeklyDigest(stats: ClinicStats): Promise<string> {
  const response = await openai.responses.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    instructions: 'Write a three-sentence operations summary for a clinic manager.',
    input:
      `Week of ${stats.weekOf}, clinic ${stats.clinicId}: ${stats.patientCount} patients, ` +
      `${stats.visitCount} visits, no-show rate ${(stats.noShowRate * 100).toFixed(1)}%, ` +
      `median wait ${stats.medianWaitMinutes} minutes.`,
  });
  return response.output_text;
}
