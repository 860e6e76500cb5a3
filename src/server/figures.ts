import type { Db } from './db/client.js';
import type { PlatformModule } from './modules.js';
import type { TTimelineEntry } from './aggregates/aggregates.types.js';

/** Figure series start with the year the alliance was founded with its model communes (February 2019). */
export const SERIES_START = '2019-01-01';

/** Shared per-request state so that several figures can reuse one load of the same records. */
export interface FigureContext {
  db: Db;
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Dated events of every commune that modules contribute (e.g. an analysis completed), loaded once. */
  communeEvents(): Promise<CommuneEvent[]>;
}

/**
 * A dated event in a commune's life that one module records and others count: the surveys module's completed
 * analyses, later the councils module's constituted councils. The alliance derives stages and map layers from them.
 */
export interface CommuneEvent { ags: string; kind: string; occurredOn: string; note: string | null; /** The module that recorded it. */ module: string }
export type CommuneEventSource = (db: Db) => Promise<CommuneEvent[]>;

let eventSources: CommuneEventSource[] = [];
/** Called once by the app with every module's `communeEvents`. */
export const configureCommuneEvents = (sources: CommuneEventSource[]) => { eventSources = sources; };

/**
 * One statewide figure (e.g. "Kommunen beraten"), computed from records as of given days.
 * Modules contribute definitions; a later module's definition replaces an earlier one with the same key
 * (e.g. a councils module replacing the alliance's milestone-based `councils`).
 */
export interface FigureDefinition {
  key: string;
  /** Position in lists and charts. */
  order: number;
  label: { de: string; en: string };
  unit: 'count' | 'eur';
  /** Where the number comes from, shown next to it. */
  source: string;
  /** The value as of the end of each day (YYYY-MM-DD), in the order given. */
  values(ctx: FigureContext, days: string[]): Promise<number[]>;
}

export function figureDefinitions(modules: PlatformModule[]): FigureDefinition[] {
  const byKey = new Map<string, FigureDefinition>();
  for (const m of modules) for (const f of m.figures ?? []) byKey.set(f.key, f);
  return [...byKey.values()].sort((a, b) => a.order - b.order);
}

/** Loads that several computations share: per request, or per data version (`PublicAnswers.sharedMemo`). */
export type FigureMemo = Map<string, Promise<unknown>>;

export function figureContext(db: Db, shared: FigureMemo = new Map()): FigureContext {
  const memo = <T>(key: string, load: () => Promise<T>) => {
    let loading = shared.get(key);
    if (!loading) {
      loading = load();
      shared.set(key, loading);
      loading.catch(() => { if (shared.get(key) === loading) shared.delete(key); });
    }
    return loading as Promise<T>;
  };
  return {
    db,
    memo,
    communeEvents: () => memo('core.communeEvents', async () => (await Promise.all(eventSources.map((load) => load(db)))).flat()
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))),
  };
}

/** All figures as of each day: { key: values[] }. */
export async function computeFigures(db: Db, definitions: FigureDefinition[], days: string[], shared?: FigureMemo): Promise<Record<string, number[]>> {
  const ctx = figureContext(db, shared);
  const out: Record<string, number[]> = {};
  for (const d of definitions) out[d.key] = await d.values(ctx, days);
  return out;
}

/** A dated entry in a commune's Bilanz (timeline), contributed by any module. */
export type TimelineEntry = TTimelineEntry;

/** The participation stage that heads a commune's Bilanz; one module (the alliance) derives it. */
export interface CommuneStage { stage: string | null; stageLabel: string | null }

/**
 * A text block built from the figures of one day (the press release's background paragraph). One module words
 * it; the core hands it every module's figure values by key (0 for a key no module computes).
 */
export type PressTextSource = (figure: (key: string) => number, asOf: string) => { title: string; text: string };
