import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../lib/i18n';
import { auditReasonText, auditTargetText } from './audit-log';

describe('audit entries in the reader’s language', () => {
  const post = { seq: 3, threadTitle: 'Bikes', authorName: 'Ana' };

  it('words posts and flags from their parts instead of the stored English label', () => {
    const ar = createTranslator('ar');
    const fr = createTranslator('fr');
    const flag = {
      type: 'flag' as const,
      id: 'f',
      label: 'spam flag on #3 in “Bikes” by Ana',
      post,
      flagReason: 'spam' as const,
    };
    expect(auditTargetText(fr, flag)).toBe('« Spam » sur le message n° 3 dans « Bikes », de Ana');
    expect(
      auditTargetText(ar, { type: 'post', id: 'p', label: '#3 in “Bikes”', post: { ...post, authorName: null } }),
    ).toBe('رقم 3 في «Bikes»');
    expect(auditTargetText(ar, { type: 'thread', id: 't', label: 'Bikes' })).toBe('Bikes');
  });

  it('translates the reason Twinning wrote itself, and keeps a moderator’s words', () => {
    const es = createTranslator('es');
    expect(auditReasonText(es, { reason: 'Flagged as off topic', reasonFlagged: 'off_topic' })).toBe(
      'Ocultado tras una denuncia: Fuera de tema',
    );
    expect(auditReasonText(es, { reason: 'Repetido' })).toBe('Repetido');
  });
});
