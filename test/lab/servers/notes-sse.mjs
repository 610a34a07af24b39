#!/usr/bin/env node
// Benign notes server over the legacy HTTP+SSE transport only (GET /sse), to exercise a client's SSE fallback.
import { serveSse } from './lib/http.mjs';
import { createNotesServer } from './lib/notes.mjs';

serveSse(createNotesServer);
