#!/usr/bin/env node
// The `moonshot-mock` command (dist/bin.js in the package). Kept tiny so `--help` and `--version` load
// nothing but node:util: the server's modules are imported only once the flags ask to serve.
import { main, reportCliError } from './cli.ts';

main(process.argv.slice(2)).catch(reportCliError);
