// zod, configured before any schema is built: every schema module imports it from here
// (`import * as z from '../scenario/zod.js'`). Each object schema is parsed a few times per command (a
// scenario, its sweep points), so zod's generated fast path costs more to build (~15 ms of a `dv2g
// validate`) than it saves; a schema reads the setting when it is built.

import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
