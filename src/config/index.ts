export { ConfigError, CONFIG_FILE_NAMES, loadConfigFile, readEnv, type EnvSettings } from './load.ts';
export { configFileSchema, parseSize, type ConfigFile } from './schema.ts';
