'use strict';
// Incoming referral faxes, OCR'd to JSON by the fax gateway, triaged by Claude.
const Anthropic = require('@anthropic-ai/sdk');

const anthropic = new Anthropic();

async function triageFax(fax) {
  const referral = JSON.parse(fax.ocrJson);
  const prompt = [
    'Referral from ' + referral.referringPractice.name + '.',
    'Patient: ' + referral.patient.name + ', DOB ' + referral.patient.dob, // expect: no-phi-in-prompt
    'Insurance member id: ' + referral.insuranceMemberId, // expect: no-phi-in-prompt
    'Reason: ' + referral.diagnosis, // expect: no-phi-in-prompt
    'Pages: ' + fax.pageCount,
  ].join('\n');
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-haiku-4-5',
    max_tokens: 200,
    messages: [{ role: 'user', content: prompt }],
  });
  return msg.content[0].text;
}

/** Clean: only the referring practice's contact details, which are not about a patient. */
async function practiceGreeting(fax) {
  const referral = JSON.parse(fax.ocrJson);
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-haiku-4-5',
    max_tokens: 200,
    messages: [{ role: 'user', content: `Write a thank-you note to ${referral.referringPractice.name} (${referral.referringPractice.email}).` }],
  });
  return msg.content[0].text;
}

module.exports = { triageFax, practiceGreeting };
