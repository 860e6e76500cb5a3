import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api.js';

export type Role = 'lpr_admin' | 'lpr_staff' | 'commune' | 'police' | 'coach' | 'council_member' | 'analyst';
export interface Grant { role: Role; scopeType: string | null; scopeId: string | null }
export interface SessionUser { id: string; email: string; displayName: string; locale: string; grants: Grant[] }
interface SessionInfo { authenticated: boolean; user: SessionUser | null; csrfToken: string | null }

interface SessionState { user: SessionUser | null; loading: boolean; refresh(): Promise<void>; logout(): Promise<void>; setSession(s: SessionInfo): void }
const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const setSession = useCallback((s: SessionInfo) => { setCsrfToken(s.csrfToken); setUser(s.user); }, []);
  const refresh = useCallback(async () => {
    try { setSession(await api<SessionInfo>('/auth/session')); } finally { setLoading(false); }
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

export const hasRole = (user: SessionUser | null, ...roles: Role[]) => !!user && user.grants.some((g) => roles.includes(g.role));
