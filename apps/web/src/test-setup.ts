import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetApiClientForTests } from './lib/api-client';
import { resetRealtimeForTests } from './lib/realtime';
import { resetFakeSockets } from './test/fake-socket';

// No spec opens a real socket: the app's socket.io connection talks to a fake that specs can drive.
vi.mock('socket.io-client', () => import('./test/fake-socket'));

// A page's first render loads its lazy route chunk; on a busy 2-core CI machine that can take more
// than Testing Library's default second, so `findBy…` waits up to three.
configure({ asyncUtilTimeout: 3000 });

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
