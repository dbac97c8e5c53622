/**
 * Secrets come from the environment, never from the command line (where `ps`, shell history and CI
 * logs would keep them): a flag names the variable, this module reads it.
 */
import { ConfigError } from './load.ts';

/** A portable environment variable name (letters, digits, underscore; no leading digit). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The value of the environment variable `varName`. Throws {@link ConfigError} when the name is not
 * a variable name or the variable is unset or empty; the message names the variable to set and
 * never contains a value.
 */
export function readSecretFromEnv(varName: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!ENV_NAME.test(varName)) {
    // The value is not echoed: someone may have typed the password itself here.
    throw new ConfigError('--password-env takes the name of an environment variable (letters, digits and _, e.g. NEO4J_PASSWORD), not a password');
  }
  const value = env[varName];
  if (value === undefined || value === '') {
    throw new ConfigError(`environment variable ${varName} is ${value === undefined ? 'not set' : 'empty'}; set it to the password (e.g. export ${varName}=...) or name another variable with --password-env`);
  }
  return value;
}
