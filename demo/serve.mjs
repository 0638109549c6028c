// Serves the demo on three localhost ports (three origins) until interrupted: `npm run demo`.
import { serve } from '../test/support/server.mjs';

const server = await serve(['demo']);
console.log(`Postscope demo: ${server.url('A', '/')}  (origins ${server.origins.A}, ${server.origins.B}, ${server.origins.C})`);
