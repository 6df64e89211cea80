import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetApiClientForTests } from './lib/api-client';
import { resetRealtimeForTests } from './lib/realtime';
import { resetFakeSockets } from './test/fake-socket';

// No spec opens a real socket: the app's socket.io connection talks to a fake that specs can drive.
vi.mock('socket.io-client', () => import('./test/fake-socket'));

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
