// Runs Azurite for Soliday.Local and ties its life to the process that started it.
//
// Soliday.Local holds this process's stdin open. When stdin closes, because Soliday.Local stopped
// or because it was killed outright, Azurite is asked to shut down as Ctrl+C asks it: it closes its
// servers and saves its metadata (which it otherwise saves only every 5 seconds). So no emulator is
// left holding the ports, and nothing written before the host died is lost.
//
// Azurite runs in its own process group (see below), so a `kill -9` of the terminal's whole group
// kills this process but not Azurite. Azurite is therefore tied to this process the same way, by a
// pipe on its stdin that stop-with-launcher.js watches from inside it: whichever end dies first,
// the emulator follows, on Linux, macOS and Windows alike. This process prints Azurite's process id
// on stdout once, so Soliday.Local can record it in the data folder.
//
// queue-reads-by-queue.js and index-partition-queries.js keep Azurite's queues and tables from
// slowing with every message and row they hold, as Azure's do not; removals-keep-indexes.js and
// blobs-by-name.js do the same for deleting, finding and listing blobs; save-in-slices.js keeps its
// saves every 5 seconds from holding up every request while a large database is written, and
// save-changes-only.js writes most of them as the few documents that changed; reads-of-many-blocks.js
// reads a range of many small blocks (the recent log's tail) side by side (see each file).
//
// Azurite writes to a log file in its data folder, not to a pipe: after a crash of the host nobody
// reads the pipe, and a failed write would end Azurite before it had saved.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const args = process.argv.slice(2);
const location = args[args.indexOf("--location") + 1];
const log = fs.openSync(path.join(location, "azurite.log"), "a");

// SOLIDAY_AZURITE_AS_SHIPPED=1 leaves Azurite without them: the benchmark that measures them runs both.
const speedups = process.env.SOLIDAY_AZURITE_AS_SHIPPED === "1" ? [] : ["queue-reads-by-queue.js", "index-partition-queries.js", "removals-keep-indexes.js", "blobs-by-name.js", "save-in-slices.js", "save-changes-only.js", "reads-of-many-blocks.js"];

// Detached: its own process group, so Ctrl+C in a terminal does not stop Azurite before Soliday.Local
// has finished with it (the durable engine releases its leases in storage as it stops).
const azurite = spawn(
  process.execPath,
  [
    ...(process.env.SOLIDAY_AZURITE_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=" + process.env.SOLIDAY_AZURITE_CPU_PROF] : []),
    "--require", path.join(__dirname, "stop-with-launcher.js"),
    ...speedups.flatMap((file) => ["--require", path.join(__dirname, file)]),
    require.resolve("azurite/dist/src/azurite.js"), ...args,
  ],
  { stdio: ["pipe", log, log], detached: true },
);
azurite.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
azurite.stdin.on("error", () => {}); // Azurite gone first: its exit ends this process
process.stdout.write(`${azurite.pid}\n`);

const stop = () => azurite.stdin.end();
process.stdin.on("data", () => {}); // stdin carries nothing; only its end matters
process.stdin.on("end", stop);
process.stdin.on("error", stop);

// Ctrl+C in a terminal reaches this process too: Soliday.Local decides when Azurite stops.
process.on("SIGINT", () => {});
process.on("SIGTERM", stop);
