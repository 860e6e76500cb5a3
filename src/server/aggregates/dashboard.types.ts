import { z } from 'zod';

/**
 * A text on a start-page card: a key of the owning web module's dashboard catalog with its variables (counts
 * choose the plural form there), or a plain string that is data (a commune's name, an analysis' title).
 */
export const ZDashboardText = z.union([
  z.string(),
  z.object({ key: z.string(), vars: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
]);
/** A web path the viewer may open (the contributing module checked its policy). */
export const ZDashboardLink = z.object({ href: z.string(), label: ZDashboardText });

/** A due or overdue task, with the commune it belongs to (by name). */
export const ZDashboardTask = z.object({
  label: ZDashboardText,
  commune: z.string().nullable(),
  due: z.string().nullable().describe('ISO date'),
  overdue: z.boolean(),
  link: z.string().nullable(),
});
/** A record waiting for a step: its state and what comes next. */
export const ZDashboardRecord = z.object({
  label: ZDashboardText,
  commune: z.string().nullable(),
  state: ZDashboardText.nullable(),
  detail: ZDashboardText.nullable(),
  link: z.string().nullable(),
});

const cardBase = {
  /** Stable key (e.g. `alliance.tasks`). */
  key: z.string(),
  /** The contributing module: its web catalog resolves the texts. */
  module: z.string(),
  /** Lower comes first. */
  priority: z.number().int(),
  title: ZDashboardText,
  /** Where the whole list or figure is. */
  link: ZDashboardLink.nullable(),
};

export const ZDashboardCard = z.discriminatedUnion('kind', [
  z.object({ ...cardBase, kind: z.literal('tasks'), items: z.array(ZDashboardTask), total: z.number().int(), empty: ZDashboardText }),
  z.object({ ...cardBase, kind: z.literal('records'), items: z.array(ZDashboardRecord), total: z.number().int(), empty: ZDashboardText }),
  z.object({ ...cardBase, kind: z.literal('metric'), value: z.number(), unit: z.enum(['count', 'percent']), detail: ZDashboardText.nullable() }),
]);
/** The actor's roles with the name of each one's scope (a commune, a directorate, an analysis), never a bare id. */
export const ZDashboardRole = z.object({ role: z.string(), scope: z.string().nullable() });
export const ZDashboard = z.object({ roles: z.array(ZDashboardRole), items: z.array(ZDashboardCard) });

export type TDashboardText = z.infer<typeof ZDashboardText>;
export type TDashboardTask = z.infer<typeof ZDashboardTask>;
export type TDashboardRecord = z.infer<typeof ZDashboardRecord>;
export type TDashboardCard = z.infer<typeof ZDashboardCard>;
export type TDashboard = z.infer<typeof ZDashboard>;
/** A card as a module contributes it; the core fills in `module`. */
export type DashboardCard = TDashboardCard extends infer C ? C extends TDashboardCard ? Omit<C, 'module'> : never : never;
/** What a module's dashboard contribution is told besides the actor. */
export interface DashboardContext { today: string }
