import { describe, expect, it } from 'vitest';
import { luhnValid, redact, REDACTED } from '@core/redaction';

describe('redaction: card numbers', () => {
  it.each([
    ['my card is 4111 1111 1111 1111 thanks', 'my card is [card number] thanks'],
    ['4111-1111-1111-1111', '[card number]'],
    ['number 5500005555555559.', 'number [card number].'],
    ['amex 3782 822463 10005 ok', 'amex [card number] ok'],
  ])('redacts %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('checks the Luhn digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('still hides a long run that fails the card check, as a plain number', () => {
    expect(redact('ref 4111 1111 1111 1112')).toBe(`ref ${REDACTED.number}`);
  });
});

describe('redaction: long digit runs', () => {
  it.each([
    ['call me on 0412 345 678', `call me on ${REDACTED.number}`],
    ['account 12345678 please', `account ${REDACTED.number} please`],
    ['BSB 062-000', `BSB ${REDACTED.number}`],
    ['it is four one two three four five six seven eight', `it is ${REDACTED.number}`],
    ['oh four double one two three four', REDACTED.number],
  ])('redacts %s', (input, expected) => {
    expect(redact(input).trim()).toBe(expected);
  });

  it.each([
    'I owe 250 dollars',
    'the bill was $1,250,000.50 this year',
    'since 2019 I have paid 3.50 a week',
    'postcode 3000, flat 12',
    'I called one two three times',
    'one or two of them',
    'at 10:30 on the 5th',
  ])('keeps %s', (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe('redaction: email addresses', () => {
  it.each([
    ['write to jane.doe+bills@example.co.uk today', `write to ${REDACTED.email} today`],
    ['it is JOHN_SMITH@Mail.com', `it is ${REDACTED.email}`],
    ['jane dot smith at gmail dot com is mine', `${REDACTED.email} is mine`],
  ])('redacts %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each(['look at that dot point', 'meet me at home', 'I was @ the shop', 'the email was wrong'])('keeps %s', (input) => {
    expect(redact(input)).toBe(input);
  });
});

it('redacts every kind in one sentence and leaves the rest alone', () => {
  expect(redact('Email a@b.io, card 4111111111111111, phone 0298765432, owe $300')).toBe(
    `Email ${REDACTED.email}, card ${REDACTED.card}, phone ${REDACTED.number}, owe $300`,
  );
});
