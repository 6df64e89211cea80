import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessToken } from '../../../lib/api-client';
import { resetRealtimeForTests, startRealtime } from '../../../lib/realtime';
import { fakeSocketSettings, latestSocket } from '../../../test/fake-socket';
import { visitKeys } from '../api/visits.keys';
import { useVisitLiveUpdates } from './use-visit-live-updates';

vi.mock('socket.io-client', () => import('../../../test/fake-socket'));

const VISIT = '5a1c2a70-0000-4000-8000-000000000001';
const OTHER = '5a1c2a70-0000-4000-8000-000000000002';

beforeEach(() => {
  fakeSocketSettings.autoConnect = false;
  setAccessToken('token-1');
});

afterEach(() => resetRealtimeForTests());

describe('useVisitLiveUpdates', () => {
  it('follows the visit and refetches it (registration and roster included) when it changes or after a reconnect', () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    startRealtime();
    const socket = latestSocket();
    const { unmount } = renderHook(() => useVisitLiveUpdates(VISIT), { wrapper });
    act(() => socket.serverAccept());
    expect(socket.sent('visit.subscribe')).toEqual([{ visitId: VISIT }]);

    act(() => socket.serverEmit('visit.changed', { visitId: OTHER, change: 'poll' }));
    expect(invalidate).not.toHaveBeenCalled();
    act(() => socket.serverEmit('visit.changed', { visitId: VISIT, change: 'poll' }));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenLastCalledWith({ queryKey: visitKeys.detail(VISIT) });

    act(() => socket.dropConnection());
    act(() => socket.serverAccept());
    expect(invalidate).toHaveBeenCalledTimes(2);

    unmount();
    expect(socket.sent('visit.unsubscribe')).toEqual([{ visitId: VISIT }]);
  });
});
