'use strict';
// The first intake summarizer, still plain CommonJS. Rows come straight from the intake form's
// JSON export, so nothing is typed: field names are all PHI Guard has to go on.
const OpenAI = require('openai');

const client = new OpenAI();

async function summarizeIntake(row) {
  const completion = await client.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Summarize the intake form for the triage nurse.' },
      { role: 'user', content: `MRN ${row.mrn}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Date of birth ${row.dateOfBirth}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Working diagnosis: ${row.diagnosis}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Form version ${row.formVersion}, ${row.pageCount} pages` },
    ],
  });
  return completion.choices[0].message.content;
}

async function summarizeMedications(row) {
  const lines = [];
  for (const med of row.medications) {
    lines.push(`${med.name} ${med.dose}`); // expect: no-phi-in-prompt
  }
  const completion = await client.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: lines.join('\n') }],
  });
  return completion.choices[0].message.content;
}

module.exports = { summarizeIntake, summarizeMedications };
