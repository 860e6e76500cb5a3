import { lazy, type ComponentType } from 'react';

/** A page from a lazily loaded chunk: each module's pages load when first opened. */
export const lazyPage = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
