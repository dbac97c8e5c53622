/** Runs the CLI from source (Node 24 strips the types): what bin/aimap.js does with the built dist/. */
import { run } from '../../src/cli.ts';

await run();
