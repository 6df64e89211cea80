import request from 'supertest';
import { API_ERROR_TEXT, NOTIFICATION_DELIVERIES } from '@twinning/contracts';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createUser } from './support/factories';

/** Error bodies follow `Accept-Language` (en, fr, es, ar); codes and field names never change. */
describe('error messages in the language the request asks for', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const badRegistration = { email: 'not-an-email', password: 'short', displayName: '', role: 'admin' };
  const register = (acceptLanguage?: string) => {
    const req = http().post('/api/auth/register');
    if (acceptLanguage !== undefined) req.set('Accept-Language', acceptLanguage);
    return req.send(badRegistration).expect(400);
  };

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
  });
  afterAll(() => t.close());

  it('words the field errors of a refused body in English by default', async () => {
    const res = await register();
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual(['displayName', 'email', 'password', 'role']);
    expect(res.body.message).toBe('Invalid fields: role, email, password, displayName.');
    expect(res.body.fields.email).toEqual(['email must be a valid email address']);
    expect(res.body.fields.password).toEqual(['password must be at least 12 characters long']);
    expect(res.body.fields.role).toEqual(['role is not an accepted field']);
  });

  it('in French, Spanish and Arabic, with the same codes and fields', async () => {
    const fr = (await register('fr-FR,fr;q=0.9,en;q=0.5')).body;
    expect(fr.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(fr.fields).sort()).toEqual(['displayName', 'email', 'password', 'role']);
    expect(fr.message).toBe('Champs non valides : role, email, password, displayName.');
    expect(fr.fields.email).toEqual(['email doit être une adresse e-mail valide']);
    expect(fr.fields.password).toEqual(['password doit compter au moins 12 caractères']);
    expect(fr.fields.displayName[0]).toMatch(/^displayName doit compter de 1 à \d+ caractères$/);
    expect(fr.fields.role).toEqual(['role n’est pas un champ accepté']);

    const es = (await register('es')).body;
    expect(es.fields.email).toEqual(['email debe ser una dirección de correo válida']);
    expect(es.fields.password).toEqual(['password debe tener al menos 12 caracteres']);
    expect(es.fields.role).toEqual(['role no es un campo aceptado']);

    const ar = (await register('ar')).body;
    expect(ar.message).toBe('حقول غير صالحة: role، email، password، displayName.');
    expect(ar.fields.email).toEqual(['يجب أن يكون email عنوان بريد إلكتروني صالحًا']);
    expect(ar.fields.password).toEqual(['يجب ألا يقل password عن 12 حرفًا']);
  });

  it('says query errors with their constraint values (list filters, bounds)', async () => {
    const res = await http().get('/api/cities?region=atlantis&limit=0').set('Accept-Language', 'es').expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['limit', 'region']);
    expect(res.body.fields.limit).toEqual(['limit debe ser como mínimo 1']);
    expect(res.body.fields.region[0]).toMatch(/^region debe ser uno de: south_east_asia, north_america/);
  });

  it('names nested fields and words them too', async () => {
    const user = await createUser(t);
    const res = await http()
      .put('/api/me/notification-settings')
      .set(user.auth)
      .set('Accept-Language', 'ar')
      .send({ settings: [{ kind: 'forum.reply', delivery: 'hourly' }] })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['settings.0.delivery']);
    expect(res.body.fields['settings.0.delivery']).toEqual([
      `يجب أن يكون delivery إحدى القيم: ${NOTIFICATION_DELIVERIES.join(', ')}`.replace(
        'delivery',
        'settings.0.delivery',
      ),
    ]);
  });

  it('honours q-values and falls back to English', async () => {
    const words = async (header: string) => (await register(header)).body.fields.email[0] as string;
    expect(await words('de;q=1, ar;q=0.5, fr;q=0.8')).toBe('email doit être une adresse e-mail valide');
    expect(await words('ar;q=0.2, es;q=0.3')).toBe('email debe ser una dirección de correo válida');
    expect(await words('de, ja')).toBe('email must be a valid email address');
    expect(await words('fr;q=0, ar;q=0')).toBe('email must be a valid email address');
    expect(await words('*')).toBe('email must be a valid email address');
    expect(await words('not a header;;q=x')).toBe('email must be a valid email address');
  });

  it('words the other errors by their code', async () => {
    const missing = await http().get('/api/no-such-route').set('Accept-Language', 'fr').expect(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: API_ERROR_TEXT.fr.codes.NOT_FOUND });
    const anonymous = await http().get('/api/me').set('Accept-Language', 'ar').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.message).toBe(API_ERROR_TEXT.ar.codes.UNAUTHENTICATED);
    const english = await http().get('/api/no-such-route').expect(404);
    expect(english.body.message).toBe('No route for GET /api/no-such-route.');
  });

  it('words the field errors services raise by rule too', async () => {
    const cursor = await http().get('/api/cities?cursor=not-a-cursor').set('Accept-Language', 'es').expect(400);
    expect(cursor.body.code).toBe('VALIDATION_FAILED');
    expect(cursor.body.fields).toEqual({ cursor: ['cursor no es un cursor de página válido'] });
    expect(cursor.body.message).toBe('Campo no válido: cursor.');
    const english = await http().get('/api/cities?cursor=not-a-cursor').expect(400);
    expect(english.body.fields).toEqual({ cursor: ['cursor is not a valid page cursor'] });
  });
});
