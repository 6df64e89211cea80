import { gunzipSync } from 'node:zlib';
import { newVerificationCode } from './certificates.service';
import { encodeBitstring, STATUS_LIST_SIZE, statusPosition } from './credential-documents';
import { workshopHours } from './workshop-certificates.service';

describe('verification codes', () => {
  it('are 20 base32 characters (100 random bits), all different', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{20}$/);
    // every character of the alphabet turns up in every position over many codes: no bit is fixed
    const first = new Set([...codes].map((c) => c[0]));
    const last = new Set([...codes].map((c) => c[19]));
    expect(first.size).toBe(32);
    expect(last.size).toBe(32);
  });
});

describe('Bitstring Status List', () => {
  it('sets bit i counting from the leftmost bit of the first byte, GZIP and base64url with the "u" prefix', () => {
    const encoded = encodeBitstring([0, 9, STATUS_LIST_SIZE - 1]);
    expect(encoded[0]).toBe('u');
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bytes.length).toBe(STATUS_LIST_SIZE / 8);
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bytes[bytes.length - 1]).toBe(0b0000_0001);
    expect(bytes.subarray(2, -1).every((b) => b === 0)).toBe(true);
  });

  it('places an index in its list', () => {
    expect(statusPosition(0)).toEqual({ list: 1, bit: 0 });
    expect(statusPosition(STATUS_LIST_SIZE + 5)).toEqual({ list: 2, bit: 5 });
  });
});

describe('workshopHours', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 1, 0, h * 60));
  const workshop = { id: 'w', title: 'T', status: 'ended' as const, startsAt: at(10), endsAt: at(12), liveSeconds: 0 };
  it('counts the live time in quarter hours, else the scheduled time', () => {
    expect(workshopHours({ ...workshop, openedAt: at(10.1), endedAt: at(11.6) })).toBe(1.5);
    expect(workshopHours({ ...workshop, openedAt: null, endedAt: null })).toBe(2);
    expect(workshopHours({ ...workshop, openedAt: at(10), endedAt: at(10.01) })).toBe(0.25);
  });
});
