// SMS relay (plain ESM JavaScript): inbound texts from patients, posted by the SMS provider.
import OpenAI from 'openai';

const openai = new OpenAI();

/** @param {string} raw */
export async function classifyInboundSms(raw) {
  const sms = JSON.parse(raw);
  const res = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Classify as refill, scheduling, billing or clinical.' },
      { role: 'user', content: sms.body },
      { role: 'user', content: `Sender DOB ${sms.dob}, MRN ${sms.mrn}` }, // expect: no-phi-in-prompt
    ],
  });
  return res.choices[0]?.message.content ?? 'clinical';
}

/** Clean: only the message count and carrier name. */
export async function carrierReport(batch) {
  const res = await openai.responses.create({ model: 'gpt-4o-mini', input: `${batch.messageCount} messages via ${batch.carrier.name}` }); // expect: approved-vendors
  return res.output_text;
}
