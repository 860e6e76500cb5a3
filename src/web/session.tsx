import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api.js';
import type { TSessionInfo, TSessionUser } from '../modules/auth/auth.types.js';
import type { Ability } from './app/abilities.js';

export type SessionUser = TSessionUser;

interface SessionState { user: SessionUser | null; loading: boolean; refresh(): Promise<void>; logout(): Promise<void>; setSession(s: TSessionInfo): void }
const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const setSession = useCallback((s: TSessionInfo) => { setCsrfToken(s.csrfToken); setUser(s.user); }, []);
  const refresh = useCallback(async () => {
    try { setSession(await api<TSessionInfo>('/auth/session')); } finally { setLoading(false); }
  }, [setSession]);
  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => {});
    setSession({ authenticated: false, user: null, csrfToken: null });
  }, [setSession]);
  useEffect(() => { void refresh(); }, [refresh]);
  return <SessionContext.Provider value={{ user, loading, refresh, logout, setSession }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** Whether the signed-in user passes an ability at the door (from the session; the server decides, the web shows). */
export const can = (user: SessionUser | null, ability: Ability) => !!user && user.abilities.includes(ability);

/** `const can = useCan(); can('surveys.analysis.work')` */
export function useCan() {
  const { user } = useSession();
  return useCallback((ability: Ability) => can(user, ability), [user]);
}
