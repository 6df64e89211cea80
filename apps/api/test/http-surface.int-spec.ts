import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { bootApp, type TestApp } from './support/test-app';

describe('HTTP surface: health, docs, headers, web client', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    const web = mkdtempSync(path.join(os.tmpdir(), 'twinning-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(
      path.join(web, 'index.html'),
      '<!doctype html><html lang="en"><title>Twinning</title><div id="root"></div></html>',
    );
    writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'console.log("app")');
    t = await bootApp({}, { webDistDir: web });
  });
  afterAll(() => t.close());

  it('reports liveness and readiness', async () => {
    expect((await http().get('/api/health').expect(200)).body).toEqual({ status: 'ok', devOutbox: true });
    expect((await http().get('/api/ready').expect(200)).body).toEqual({ status: 'ready', database: 'up' });
  });

  it('serves the OpenAPI document generated from the DTOs', async () => {
    const res = await http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths).toHaveProperty(['/api/auth/login']);
    expect(res.body.paths).toHaveProperty(['/api/cities']);
    expect(res.body.components.schemas.RegisterDto.properties).toHaveProperty('password');
    await http().get('/api/docs').expect(200);
  });

  it('sends security headers', async () => {
    const res = await http().get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('allows CORS only for configured origins', async () => {
    const ok = await http()
      .options('/api/cities')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const no = await http()
      .options('/api/cities')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the web client at / and its client-side routes, fingerprinted assets with long caching', async () => {
    const root = await http().get('/').expect(200);
    expect(root.text).toContain('<div id="root">');
    const deep = await http().get('/cities/toronto?x=1').expect(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.text).toContain('<div id="root">');
    const asset = await http().get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await http().get('/assets/missing.js').expect(404);
  });

  it('keeps unknown API routes as JSON 404s', async () => {
    const res = await http().get('/api/does-not-exist').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    await http().post('/cities').send({}).expect(404);
  });
});
