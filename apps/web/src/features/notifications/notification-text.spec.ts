import { describe, expect, it } from 'vitest';
import { makeNotification } from '../../test/fixtures';
import { notificationContent } from './notification-text';

describe('notificationContent: workshops', () => {
  it('sends the reader of "workshop.live" straight into the room', () => {
    const notification = makeNotification('workshop.live');
    expect(notificationContent('en', notification)).toEqual({
      text: 'The workshop “Mediation skills for city officials” is live: join the room now',
      href: '/workshops/workshop-1/room',
      excerpt: null,
    });
    expect(notificationContent('ar', notification)).toEqual({
      text: 'ورشة العمل «Mediation skills for city officials» مباشرة الآن: ادخل القاعة',
      href: '/workshops/workshop-1/room',
      excerpt: null,
    });
  });

  it('tells a new co-facilitator who added them, and leads to the workshop page', () => {
    const notification = makeNotification('workshop.facilitator_added');
    expect(notificationContent('en', notification)).toEqual({
      text: 'Li Wei made you a co-facilitator of the workshop “Mediation skills for city officials”',
      href: '/workshops/workshop-1',
      excerpt: null,
    });
    expect(notificationContent('ar', notification).text).toBe(
      'جعلك Li Wei ميسّرًا مشاركًا في ورشة العمل «Mediation skills for city officials»',
    );
    expect(notificationContent('fr', notification).text).toBe(
      'Li Wei vous a ajouté·e à l’animation de l’atelier « Mediation skills for city officials »',
    );
    expect(notificationContent('es', notification).text).toBe(
      'Li Wei le ha nombrado cofacilitador/a del taller «Mediation skills for city officials»',
    );
  });
});

describe('notificationContent: study visits', () => {
  it('tells a delegate their place on the waitlist, in their language, and leads to the visit', () => {
    const notification = makeNotification('visit.registration');
    expect(notificationContent('en', notification)).toEqual({
      text: 'The study visit “Newcomer services in Toronto” is full: you are number 2 on the waitlist',
      href: '/visits/visit-1',
      excerpt: null,
    });
    expect(notificationContent('ar', notification).text).toBe(
      'اكتمل عدد المشاركين في الزيارة الدراسية «Newcomer services in Toronto»: ترتيبك 2 في قائمة الانتظار',
    );
  });

  it('gives the chosen dates as host-calendar days and quotes a cancellation reason', () => {
    expect(notificationContent('fr', makeNotification('visit.date_chosen')).text.replace(/[\u2009\u202f]/g, ' ')).toBe(
      'Li Wei a fixé les dates de « Newcomer services in Toronto » : sam. 13 – lun. 15 mars 2027',
    );
    expect(notificationContent('es', makeNotification('visit.cancelled'))).toEqual({
      text: 'Li Wei canceló la visita de estudio «Newcomer services in Toronto»',
      href: '/visits/visit-1',
      excerpt: 'Travel budget frozen',
    });
  });
});

describe('notificationContent: new kinds', () => {
  it('tells a coordinator a join request waits, and leads to the requests to decide', () => {
    expect(notificationContent('en', makeNotification('join_request.created'))).toEqual({
      text: 'Li Wei asked to join Toronto as an official: the request waits for your decision',
      href: '/join-requests',
      excerpt: null,
    });
  });

  it('quotes the applicant’s message of a join request when the notification carries it', () => {
    const notification = makeNotification('join_request.created', { payload: { message: 'Settlement policy lead' } });
    expect(notificationContent('fr', notification)).toMatchObject({
      href: '/join-requests',
      excerpt: 'Settlement policy lead',
    });
  });

  it('tells a promoted delegate, in their language', () => {
    expect(notificationContent('fr', makeNotification('visit.promoted')).text).toBe(
      'Une place s’est libérée : vous êtes maintenant inscrit·e à la visite d’étude « Newcomer services in Toronto »',
    );
  });
});
