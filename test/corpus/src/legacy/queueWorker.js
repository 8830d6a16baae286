'use strict';
// Background worker that drafts portal messages from queued jobs.
const Groq = require('groq-sdk');
const { generateText } = require('ai');
const { anthropic } = require('@ai-sdk/anthropic');
const { redact } = require('../phi/redact.js');

const groq = new Groq();

async function draftReminder(job) {
  const res = await groq.chat.completions.create({ // expect: approved-vendors
    model: 'llama-3.1-8b-instant',
    messages: [{ role: 'user', content: `Remind chart ${job.chartNumber} about their visit.` }], // expect: no-phi-in-prompt
  });
  return res.choices[0].message.content;
}

async function draftDigest(job) {
  const { text } = await generateText({ // expect: approved-vendors
    model: anthropic('claude-haiku-4-5'),
    prompt: `Clinic digest: ${job.patientCount} patients, ${job.visitCount} visits this week.`,
  });
  return text;
}

async function draftRefillNote(job) {
  const { text } = await generateText({ // expect: approved-vendors
    model: anthropic('claude-haiku-4-5'),
    prompt: `Refill request for ${redact(job.medication)} from ${redact(job.ssn)}.`,
  });
  return text;
}

module.exports = { draftReminder, draftDigest, draftRefillNote };
