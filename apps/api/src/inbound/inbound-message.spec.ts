import { isAutomatic, MalformedMailError, parseRawMail, structuredMail } from './inbound-message';

const reply = (headers: Record<string, string>, returnPath: string | null = 'amira@example.org') => ({
  ...structuredMail({ to: 'reply+x@reply.example.org', from: 'amira@example.org', headers, text: 'Hi' }),
  returnPath,
});

describe('isAutomatic', () => {
  it('drops RFC 3834 automatic mail, bulk and list mail, bounces and autoresponders', () => {
    expect(isAutomatic(reply({ 'Auto-Submitted': 'auto-replied' }))).toBe(true);
    expect(isAutomatic(reply({ 'Auto-Submitted': 'auto-generated' }))).toBe(true);
    for (const precedence of ['bulk', 'list', 'junk', 'Bulk']) {
      expect(isAutomatic(reply({ Precedence: precedence }))).toBe(true);
    }
    expect(isAutomatic(reply({}, ''))).toBe(true);
    expect(isAutomatic(reply({ 'X-Autoreply': 'yes' }))).toBe(true);
  });

  it('keeps what a person sent', () => {
    expect(isAutomatic(reply({ 'Auto-Submitted': 'no' }))).toBe(false);
    expect(isAutomatic(reply({ Precedence: 'first-class' }))).toBe(false);
    expect(isAutomatic(reply({}, null))).toBe(false);
  });
});

describe('parseRawMail', () => {
  it('reads recipients, sender, Return-Path and both parts', async () => {
    const raw = [
      'Return-Path: <>',
      'From: "Amira Haddad" <Amira@Example.org>',
      'To: reply+abc@reply.example.org',
      'Cc: Other <other@example.org>',
      'Subject: =?UTF-8?B?2LHYrw==?=',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Bonjour</p>',
    ].join('\r\n');
    const message = await parseRawMail(raw);
    expect(message.recipients).toEqual(['reply+abc@reply.example.org', 'other@example.org']);
    expect(message.from).toBe('amira@example.org');
    expect(message.returnPath).toBe('');
    expect(message.text).toBeNull();
    expect(message.html).toContain('<p>Bonjour</p>');
    expect(isAutomatic(message)).toBe(true);
  });

  it('calls a message without headers or without From malformed', async () => {
    await expect(parseRawMail('just some words\r\n')).rejects.toBeInstanceOf(MalformedMailError);
    await expect(parseRawMail('To: a@example.org\r\n\r\nhello')).rejects.toBeInstanceOf(MalformedMailError);
  });
});
