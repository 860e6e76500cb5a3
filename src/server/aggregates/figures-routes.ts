import type { App } from '../modules.js';
import { access } from '../http/access.js';
import { computeFigures, figureDefinitions, SERIES_START } from '../figures.js';
import { monthEnds, todayIso } from '../../lib/dates.js';
import { onlyOne } from './contributions.js';
import { ZAsOfQuery, ZFigures, ZFigureSeries, ZPressText, ZSeriesQuery, type TFigures } from './aggregates.types.js';

const tags = ['Öffentlich: Kennzahlen und Karte'];

/** The statewide figures of every module, live from the records as of any day; the press text worded by one module. */
export async function figuresRoutes(app: App) {
  const { db } = app.database;
  const definitions = figureDefinitions(app.platformModules);
  const pressText = onlyOne(app.platformModules, 'pressText');

  /** Every figure's value on `asOf` by key. */
  async function figuresOn(asOf: string) {
    const values = await computeFigures(db, definitions, [asOf], await app.publicAnswers.sharedMemo());
    return Object.fromEntries(definitions.map((d) => [d.key, values[d.key]?.[0] ?? 0]));
  }

  app.get('/public/figures', {
    config: { access: access.public, publicAnswer: true },
    schema: { tags, summary: 'Landesweite Kennzahlen zu einem Stichtag (live aus den Datensätzen berechnet)', querystring: ZAsOfQuery, response: { 200: ZFigures } },
  }, async (request) => {
    const asOf = request.query.asOf ?? todayIso();
    return { asOf, ...await figuresOn(asOf) } as TFigures;
  });

  app.get('/public/figures/series', {
    config: { access: access.public, publicAnswer: true },
    schema: { tags, summary: 'Verlauf jeder Kennzahl (Monatsende) für Diagramme', querystring: ZSeriesQuery, response: { 200: ZFigureSeries } },
  }, async (request) => {
    const days = monthEnds(request.query.from ?? SERIES_START, request.query.to ?? todayIso());
    const values = await computeFigures(db, definitions, days, await app.publicAnswers.sharedMemo());
    return { days, figures: definitions.map((d) => ({ key: d.key, label: d.label[request.query.lang], unit: d.unit, source: d.source, values: values[d.key]! })) };
  });

  if (pressText) {
    app.get('/public/figures/press-text', {
      config: { access: access.public, publicAnswer: true },
      schema: { tags, summary: 'Textbaustein „Hintergrundinformationen zu »ASSKomm«“ mit aktuellen Zahlen', querystring: ZAsOfQuery, response: { 200: ZPressText } },
    }, async (request) => {
      const asOf = request.query.asOf ?? todayIso();
      const values = await figuresOn(asOf);
      return { asOf, ...pressText((key) => values[key] ?? 0, asOf) };
    });
  }
}
