import pkg from '../package.json' with { type: 'json' };

/** aimap's version, from package.json. */
export const VERSION: string = pkg.version;
