import { stripReply } from './reply-text';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('stripReply', () => {
  it('removes a Gmail quote with its wrapped "On … wrote:" line', () => {
    const mail = crlf(
      [
        'Yes, we can host the delegation on the 14th.',
        '',
        'Amira',
        '',
        'On Mon, Dec 7, 2026 at 10:02 AM Twinning <reply+abcdefghijklmnopqrstuvwxyz234567@reply.twinning.example.org>',
        'wrote:',
        '',
        '> Jonas Weber replied in "Welcoming newcomers":',
        '> Could someone host us in March?',
        '>',
        '> -- ',
        '> You received this because you watch this discussion.',
      ].join('\n'),
    );
    expect(stripReply(mail)).toBe('Yes, we can host the delegation on the 14th.\n\nAmira');
  });

  it('removes an Outlook header block and everything below it, with or without bold labels', () => {
    const outlook = [
      'Thanks, I will bring the housing figures.',
      '',
      '________________________________',
      'From: Twinning <no-reply@twinning.example.org>',
      'Sent: Monday, December 7, 2026 10:02 AM',
      'To: Amira Haddad <amira@example.org>',
      'Subject: New reply in "Welcoming newcomers"',
      '',
      'Jonas Weber replied:',
      'Could someone host us in March?',
    ].join('\n');
    expect(stripReply(outlook)).toBe('Thanks, I will bring the housing figures.');
    const bold = [
      'Agreed.',
      '',
      '*From:* Twinning <no-reply@twinning.example.org>',
      '*Sent:* Monday, December 7, 2026 10:02',
      '*To:* amira@example.org',
      '*Subject:* New reply',
      'Original text',
    ].join('\n');
    expect(stripReply(bold)).toBe('Agreed.');
  });

  it('cuts at -----Original Message----- in several languages', () => {
    expect(stripReply('Fine by me.\n\n-----Original Message-----\nFrom: x\nhello')).toBe('Fine by me.');
    expect(stripReply('Ça me va.\n-----Message d’origine-----\nDe : x')).toBe('Ça me va.');
    expect(stripReply('De acuerdo.\n-----Mensaje original-----\nDe: x')).toBe('De acuerdo.');
  });

  it('removes an Apple Mail quote and the "Sent from my iPhone" line', () => {
    const apple = [
      'See you in Lyon!',
      '',
      'Sent from my iPhone',
      '',
      '> On 7 Dec 2026, at 10:02, Twinning <no-reply@twinning.example.org> wrote:',
      '> ',
      '> Jonas Weber replied in "Welcoming newcomers"',
    ].join('\n');
    expect(stripReply(apple)).toBe('See you in Lyon!');
    const appleAttribution = [
      'See you in Lyon!',
      '',
      'On 7 Dec 2026, at 10:02, Twinning <no-reply@twinning.example.org> wrote:',
      '',
      '> Jonas Weber replied',
    ].join('\n');
    expect(stripReply(appleAttribution)).toBe('See you in Lyon!');
  });

  it('removes French, Spanish and Arabic attributions and mobile signatures', () => {
    const fr = [
      'Nous serons ravis de vous accueillir en mars.',
      '',
      'Envoyé de mon iPhone',
      '',
      'Le lun. 7 déc. 2026 à 10:02, Twinning <no-reply@twinning.example.org> a\u00a0écrit\u00a0:',
      '> Jonas Weber a répondu',
    ].join('\n');
    expect(stripReply(fr)).toBe('Nous serons ravis de vous accueillir en mars.');
    const es = [
      'Perfecto, confirmamos la visita.',
      '',
      'Enviado desde mi iPhone',
      '',
      'El lun, 7 dic 2026 a las 10:02, Twinning (<no-reply@twinning.example.org>) escribió:',
      '',
      '> Jonas Weber respondió',
    ].join('\n');
    expect(stripReply(es)).toBe('Perfecto, confirmamos la visita.');
    const ar = [
      'شكرًا، سنرسل البرنامج غدًا.',
      '',
      '\u200fفي الاثنين، 7 ديسمبر 2026 في 10:02 ص، كتب Twinning <\u200eno-reply@twinning.example.org\u200e>:',
      '',
      '> ردّ يوناس فيبر',
    ].join('\n');
    expect(stripReply(ar)).toBe('شكرًا، سنرسل البرنامج غدًا.');
    const arOutlook = [
      'موافق.',
      '',
      'من: Twinning <no-reply@twinning.example.org>',
      'تاريخ الإرسال: الاثنين، 7 ديسمبر 2026 10:02 ص',
      'إلى: amira@example.org',
      'الموضوع: رد جديد',
      'النص الأصلي',
    ].join('\n');
    expect(stripReply(arOutlook)).toBe('موافق.');
    const frOutlook = [
      'D’accord.',
      '',
      'De : Twinning <no-reply@twinning.example.org>',
      'Envoyé : lundi 7 décembre 2026 10:02',
      'À : amira@example.org',
      'Objet : Nouvelle réponse',
      'Texte d’origine',
    ].join('\n');
    expect(stripReply(frOutlook)).toBe('D’accord.');
  });

  it('removes the signature after "-- " (and after "--" whose space a client trimmed)', () => {
    expect(stripReply('See you there.\n\n-- \nAmira Haddad\nDeputy Mayor, Lyon\n+33 4 00 00 00 00')).toBe(
      'See you there.',
    );
    expect(stripReply('See you there.\n--\nAmira')).toBe('See you there.');
  });

  it('keeps an answer written below the quote (bottom posting) and drops interleaved quoted lines', () => {
    const bottom = [
      'On Mon, Dec 7, 2026 at 10:02 AM Jonas <jonas@example.org> wrote:',
      '> Could someone host us in March?',
      '',
      'We can, in the second week.',
    ].join('\n');
    expect(stripReply(bottom)).toBe('We can, in the second week.');
    const inline = ['> Could you host us?', 'Yes.', '> In March?', 'The second week.'].join('\n');
    expect(stripReply(inline)).toBe('Yes.\nThe second week.');
  });

  it('leaves ordinary text alone: sentences that only look like headers, markdown, mentions', () => {
    const text = [
      'Le maire a écrit :',
      'nous accueillerons la délégation.',
      '',
      'From: the housing office, with thanks.',
      '',
      'From: Lyon',
      'To: Montreal',
      'Date: 14 March',
      '',
      '- item one',
      '- item two',
      '',
      '@jonas_weber what do you think?',
    ].join('\n');
    expect(stripReply(text)).toBe(text);
  });

  it('returns an empty string when only a quote and a signature remain', () => {
    expect(stripReply('\n\nOn Mon, Dec 7, 2026 at 10:02 AM Jonas <j@example.org> wrote:\n> hello\n')).toBe('');
    expect(stripReply('Sent from my iPhone')).toBe('');
  });
});
