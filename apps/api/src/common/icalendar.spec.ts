import ICAL from 'ical.js';
import { buildCalendar, escapeText, foldLine, mailtoUri, paramValue, vtimezone } from './icalendar';
import { parseLocalDateTime } from '@twinning/contracts';

const local = (s: string) => {
  const parsed = parseLocalDateTime(s);
  if (!parsed) throw new Error(s);
  return parsed;
};

describe('iCalendar writer', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf\u0007')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 sequence', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'🙂'.repeat(10)}x`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('describes a zone without DST with a single STANDARD observance', () => {
    const lines = vtimezone('Asia/Kuala_Lumpur', 2027, 2027);
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD']);
    expect(lines).toContain('TZOFFSETTO:+0800');
  });

  it('writes a calendar ical.js reads back with the same instants', () => {
    const text = buildCalendar({
      stamp: new Date('2027-01-01T00:00:00Z'),
      events: [
        {
          uid: 'a@twinning',
          sequence: 3,
          status: 'CONFIRMED',
          summary: 'Day, with; specials\\',
          description: 'line one\nline two',
          start: { date: '2027-03-14' },
          end: { date: '2027-03-15' },
          url: 'https://twinning.example/visits/1',
        },
        {
          uid: 'b@twinning',
          sequence: 3,
          status: 'TENTATIVE',
          summary: 'Breakfast',
          start: { zone: 'America/Toronto', local: local('2027-03-14T01:00') },
          end: { zone: 'America/Toronto', local: local('2027-03-14T01:45') },
        },
        {
          uid: 'c@twinning',
          sequence: 3,
          status: 'TENTATIVE',
          summary: 'Winter (before the first change of the year)',
          start: { zone: 'America/Toronto', local: local('2027-01-10T09:00') },
          end: { zone: 'America/Toronto', local: local('2027-12-10T10:00') },
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const root = new ICAL.Component(ICAL.parse(text));
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone') as ICAL.Component);
    ICAL.TimezoneService.register(zone);
    try {
      const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      expect(events[0].summary).toBe('Day, with; specials\\');
      expect(events[0].description).toBe('line one\nline two');
      expect(events[0].startDate.isDate).toBe(true);
      expect(events[0].startDate.toString()).toBe('2027-03-14');
      expect(events[1].startDate.toJSDate().toISOString()).toBe('2027-03-14T06:00:00.000Z');
      expect(events[1].endDate.toJSDate().toISOString()).toBe('2027-03-14T06:45:00.000Z');
      expect(events[2].startDate.toJSDate().toISOString()).toBe('2027-01-10T14:00:00.000Z');
      expect(events[2].endDate.toJSDate().toISOString()).toBe('2027-12-10T15:00:00.000Z');
    } finally {
      ICAL.TimezoneService.remove('America/Toronto');
    }
  });

  it('writes an invitation: METHOD, ORGANIZER and one ATTENDEE who is not asked to reply', () => {
    const text = buildCalendar({
      stamp: new Date('2027-01-01T00:00:00Z'),
      method: 'REQUEST',
      events: [
        {
          uid: 'workshop-1@twinning',
          sequence: 2,
          status: 'TENTATIVE',
          summary: 'Talk',
          start: { utc: new Date('2027-04-20T14:00:00Z') },
          end: { utc: new Date('2027-04-20T15:00:00Z') },
          organizer: { email: 'no-reply@twinning.example', name: 'Twinning' },
          attendees: [{ email: 'amira@example.test', name: 'Amira "A"\r\nX', partstat: 'TENTATIVE' }],
        },
      ],
    });
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded).toContain('METHOD:REQUEST');
    expect(unfolded).toContain('ORGANIZER;CN="Twinning":mailto:no-reply@twinning.example');
    expect(unfolded).toContain(
      'ATTENDEE;CN="Amira AX";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;RSVP=FALSE:mailto:amira@example.test',
    );
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstProperty('attendee')?.getParameter('rsvp')).toBe('FALSE');
    expect(buildCalendar({ stamp: new Date(), events: [] })).toContain('\r\nMETHOD:PUBLISH\r\n');
  });

  it('keeps parameter values and mail addresses from breaking out', () => {
    expect(paramValue('a"b;c:d\r\ne')).toBe('"ab;c:de"');
    expect(mailtoUri('x@example.test')).toBe('mailto:x@example.test');
    expect(mailtoUri('x+tag@example.test')).toBe('mailto:x+tag@example.test');
    expect(mailtoUri('x@example.test\r\nATTENDEE:mailto:y@z')).toBe(
      'mailto:x@example.test%0D%0AATTENDEE%3Amailto%3Ay@z',
    );
    expect(mailtoUri('"x;y"@example.test')).toBe('mailto:%22x%3By%22@example.test');
  });
});
