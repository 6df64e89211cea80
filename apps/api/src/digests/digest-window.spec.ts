import { digestSlot, dueZones, localTime } from './digest-window';

describe('digest window (local 08:00–08:15)', () => {
  it('08:00 in Toronto and 08:00 in Kuala Lumpur are different instants', () => {
    // Monday 7 December 2026: Toronto is UTC−5, Kuala Lumpur UTC+8
    expect(digestSlot(new Date('2026-12-07T13:00:00Z'), 'America/Toronto')).toEqual({
      localDate: '2026-12-07',
      weekly: true,
    });
    expect(digestSlot(new Date('2026-12-07T13:00:00Z'), 'Asia/Kuala_Lumpur')).toBeNull();
    expect(digestSlot(new Date('2026-12-07T00:00:00Z'), 'Asia/Kuala_Lumpur')).toEqual({
      localDate: '2026-12-07',
      weekly: true,
    });
    expect(digestSlot(new Date('2026-12-07T00:00:00Z'), 'America/Toronto')).toBeNull();
  });

  it('handles :30 and :45 offsets (India, Nepal, Adelaide in summer time)', () => {
    // India UTC+05:30: 08:00 local = 02:30Z
    expect(digestSlot(new Date('2026-12-08T02:29:59Z'), 'Asia/Kolkata')).toBeNull();
    expect(digestSlot(new Date('2026-12-08T02:30:00Z'), 'Asia/Kolkata')).toEqual({
      localDate: '2026-12-08',
      weekly: false,
    });
    expect(digestSlot(new Date('2026-12-08T02:44:59Z'), 'Asia/Kolkata')).not.toBeNull();
    expect(digestSlot(new Date('2026-12-08T02:45:00Z'), 'Asia/Kolkata')).toBeNull();
    // Nepal UTC+05:45: 08:00 local = 02:15Z
    expect(digestSlot(new Date('2026-12-08T02:15:00Z'), 'Asia/Kathmandu')).toEqual({
      localDate: '2026-12-08',
      weekly: false,
    });
    expect(digestSlot(new Date('2026-12-08T02:30:00Z'), 'Asia/Kathmandu')).toBeNull();
    // Adelaide in December is UTC+10:30; 08:00 local on Monday 7 Dec = Sunday 6 Dec 21:30Z
    expect(digestSlot(new Date('2026-12-06T21:35:00Z'), 'Australia/Adelaide')).toEqual({
      localDate: '2026-12-07',
      weekly: true,
    });
  });

  it('follows summer time: 08:00 in Toronto is 12:00Z in July', () => {
    expect(digestSlot(new Date('2026-07-06T12:05:00Z'), 'America/Toronto')).toEqual({
      localDate: '2026-07-06',
      weekly: true,
    });
    expect(digestSlot(new Date('2026-07-06T13:05:00Z'), 'America/Toronto')).toBeNull();
  });

  it('a late tick inside the window still finds the day; after 08:15 nothing is due', () => {
    expect(digestSlot(new Date('2026-12-08T13:14:59Z'), 'America/Toronto')?.localDate).toBe('2026-12-08');
    expect(digestSlot(new Date('2026-12-08T13:15:00Z'), 'America/Toronto')).toBeNull();
    expect(digestSlot(new Date('2026-12-08T12:59:59Z'), 'America/Toronto')).toBeNull();
  });

  it('reads the local date across the date line and skips unknown zones', () => {
    expect(localTime(new Date('2026-12-07T19:30:00Z'), 'Pacific/Kiritimati')).toEqual({
      date: '2026-12-08',
      hour: 9,
      minute: 30,
      weekday: 2,
    });
    expect(localTime(new Date(), 'Not/A_Zone')).toBeNull();
    const due = dueZones(new Date('2026-12-08T02:30:00Z'), ['Asia/Kolkata', 'Asia/Kathmandu', 'Bad/Zone', 'UTC']);
    expect(due).toEqual([{ timeZone: 'Asia/Kolkata', localDate: '2026-12-08', weekly: false }]);
  });
});
