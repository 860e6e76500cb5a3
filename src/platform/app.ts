import { buildApp, type AppDeps } from '../server/app.js';
import { platformModules } from './modules.js';

/** The core app with every module of the platform (tests and benchmarks pass their own list to `buildApp`). */
export const buildPlatformApp = (deps: Omit<AppDeps, 'modules'>) => buildApp({ ...deps, modules: platformModules });
