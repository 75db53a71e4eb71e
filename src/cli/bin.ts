import { EXIT, isBrokenPipe } from './errors.js';
import { main } from './main.js';

// Started as the `service-standards` bin (the built dist/cli.js). A reader that goes away (a
// broken pipe) ends the run at once and quietly, as it ends any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (!isBrokenPipe(e)) throw e;
    process.exit(EXIT.brokenPipe);
  });
}
process.exitCode = await main(process.argv);
