import type { ComponentType } from 'react';
import type { Messages } from '../i18n/index.js';
import type { Ability } from './abilities.js';
import type { SessionUser } from '../session.js';

/** A page of a module. With `ability` the shell asks for sign-in and the ability before it renders the page. */
export interface WebRoute {
  path: string;
  Page: ComponentType;
  ability?: Ability;
  /** A key of the module's catalog: one sentence on what the page is for, shown to those who may not open it. */
  about?: string;
}

/** A main navigation entry; `label` is a key of the module's own catalog. */
export interface NavEntry {
  to: string;
  label: string;
  order: number;
  ability?: Ability;
  /** Shown only when this holds for the signed-in user (or, with `null`, for a visitor). */
  when?: (user: SessionUser | null) => boolean;
}

/** A panel a module contributes to the commune page (e.g. the alliance's stage and records). */
export interface CommunePanel {
  key: string;
  order: number;
  ability?: Ability;
  Panel: ComponentType<{ ags: string }>;
}

/**
 * A module of the web app, registered like the server's modules: its catalogs, its routes (lazy pages, so each
 * module is its own chunk), its navigation entries and its panels on the commune page.
 */
export interface WebModule {
  name: string;
  messages: Messages<string>;
  routes: WebRoute[];
  nav?: NavEntry[];
  communePanels?: CommunePanel[];
  /** The catalog of this module's start-page cards: the server's dashboard texts name its keys. */
  dashboard?: Messages<string>;
}
