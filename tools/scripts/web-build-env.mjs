#!/usr/bin/env node
// Prints the environment variables that can change the web build's output, one `NAME=value` a line,
// sorted: an Nx runtime input of web:build (apps/web/project.json), so they are part of its cache key.
// Vite exposes to the bundle every variable with its envPrefix (VITE_) as import.meta.env.*; NODE_ENV
// does not count, the build always runs in production (apps/web/vite.config.mts).
const PREFIX = 'VITE_';

const lines = Object.keys(process.env)
  .filter((name) => name.startsWith(PREFIX))
  .sort()
  .map((name) => `${name}=${process.env[name]}`);
process.stdout.write(lines.join('\n') + '\n');
