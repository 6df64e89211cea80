import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetApiClientForTests } from './lib/api-client';
import { registerDictionary } from './lib/i18n';
import { ar } from './locales/ar/translation';
import { en } from './locales/en/translation';
import { es } from './locales/es/translation';
import { fr } from './locales/fr/translation';
import { provideSocketModule, resetRealtimeForTests } from './lib/realtime';
import * as socketModule from './lib/socket';
import { resetFakeSockets } from './test/fake-socket';

// No spec opens a real socket: the app's socket.io connection talks to a fake that specs can drive.
vi.mock('socket.io-client', () => import('./test/fake-socket'));

// The app downloads one dictionary per language on demand; specs get all four at once, synchronously.
registerDictionary('en', en);
registerDictionary('fr', fr);
registerDictionary('es', es);
registerDictionary('ar', ar);

// The app fetches the socket code after the page has loaded; specs connect at once, to the fake.
provideSocketModule(socketModule);

// A page's first render loads its lazy route chunk; on a busy 2-core CI machine that can take more
// than Testing Library's default second, so `findBy…` waits up to five (three was not always enough while other work shared the machine).
configure({ asyncUtilTimeout: 5000 });

// jsdom does not implement scrolling; ScrollRestoration calls it on every navigation.
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

afterEach(() => {
  cleanup();
  resetRealtimeForTests();
  resetFakeSockets();
  resetApiClientForTests();
  localStorage.clear();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
});
