#!/usr/bin/env node
// Benign notes server over Streamable HTTP on 127.0.0.1 (`--port N`; prints its URL). Set LAB_REQUIRE_TOKEN to demand a bearer token.
import { serveStreamableHttp } from './lib/http.mjs';
import { createNotesServer } from './lib/notes.mjs';

serveStreamableHttp(createNotesServer);
