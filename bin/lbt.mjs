#!/usr/bin/env node
// The `lbt` command-line tool. Runs the TypeScript sources through tsx so it needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
