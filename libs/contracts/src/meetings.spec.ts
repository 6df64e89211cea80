import { meetingProvider, meetingUrlProblem } from './index';

describe('meeting links', () => {
  it.each([
    'https://meet.jit.si/twinning-demo',
    'https://us02web.zoom.us/j/85512345678?pwd=abc',
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x',
    'https://bbb.city.example/b/ali-x7k-q2p',
    'https://video.city.example:8443/room',
    'https://xn--stadt-mnchen-2ob.de/call',
  ])('accepts %s', (url) => expect(meetingUrlProblem(url)).toBeNull());

  it.each([
    ['http://meet.jit.si/room', 'https://'],
    ['javascript:alert(1)', 'https://'],
    ['data:text/html,hi', 'https://'],
    ['//meet.jit.si/room', 'link'],
    ['https://user:pw@zoom.us/j/1', 'user name'],
    ['https://10.0.0.1/room', 'public host'],
    ['https://[::1]/room', 'public host'],
    ['https://intranet/room', 'public host'],
    ['https://meet.localhost/room', 'public host'],
    ['https://meet.jit.si/a\nb', 'spaces'],
    [`https://meet.jit.si/${'a'.repeat(500)}`, 'at most'],
  ])('refuses %j', (url, words) => expect(meetingUrlProblem(url)).toContain(words));

  it('names the provider from the host (and the configured embed origins)', () => {
    expect(meetingProvider('https://meet.jit.si/x')).toBe('jitsi');
    expect(meetingProvider('https://8x8.vc/company/x')).toBe('jitsi');
    expect(meetingProvider('https://jitsi.city.example/x')).toBe('jitsi');
    expect(meetingProvider('https://meet.city.example/x', ['https://meet.city.example'])).toBe('jitsi');
    expect(meetingProvider('https://meet.city.example/x')).toBe('other');
    expect(meetingProvider('https://bbb.city.example/b/abc')).toBe('bbb');
    expect(meetingProvider('https://video.city.example/bigbluebutton/api/join?x=1')).toBe('bbb');
    expect(meetingProvider('https://zoom.us/j/1')).toBe('zoom');
    expect(meetingProvider('https://city.zoom.us/j/1')).toBe('zoom');
    expect(meetingProvider('https://notzoom.us/j/1')).toBe('other');
    expect(meetingProvider('https://teams.microsoft.com/l/meetup-join/x')).toBe('teams');
    expect(meetingProvider('https://teams.live.com/meet/123')).toBe('teams');
    expect(meetingProvider('https://whereby.com/room')).toBe('other');
    expect(meetingProvider('not a url')).toBe('other');
  });
});
