import { createContext, Suspense, useContext, type ReactNode } from 'react';
import type { WebModule } from './module.js';
import { can, useSession } from '../session.js';

const ModulesContext = createContext<readonly WebModule[]>([]);

export const ModulesProvider = ({ modules, children }: { modules: readonly WebModule[]; children: ReactNode }) =>
  <ModulesContext.Provider value={modules}>{children}</ModulesContext.Provider>;

export const useWebModules = () => useContext(ModulesContext);

/** The panels modules contribute to a commune's page, in their order, each shown only with its ability. */
export function CommunePanels({ ags }: { ags: string }) {
  const { user } = useSession();
  const panels = useWebModules().flatMap((m) => m.communePanels ?? [])
    .filter((p) => !p.ability || can(user, p.ability)).sort((a, b) => a.order - b.order);
  return <>{panels.map(({ key, Panel }) => <Suspense key={key} fallback={null}><Panel ags={ags} /></Suspense>)}</>;
}
