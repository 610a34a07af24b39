#!/usr/bin/env node
// Benign: a clean notes + calculator server over stdio (tools, a prompt, a resource, a resource template).
import { serveStdio } from './lib/kit.mjs';
import { createNotesServer } from './lib/notes.mjs';

await serveStdio(createNotesServer());
