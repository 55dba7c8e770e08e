// Runs Azurite for Soliday.Local and ties its life to the process that started it.
//
// Soliday.Local holds this process's stdin open. When stdin closes, because Soliday.Local stopped
// or because it was killed outright, Azurite is asked to shut down the way Ctrl+C would ask it:
// it closes its servers and saves its metadata (which it otherwise saves only every 5 seconds),
// and then this process ends. So no emulator is ever left behind holding the ports.
"use strict";

process.stdin.on("data", () => {}); // stdin carries nothing; it is only watched for its end
process.stdin.on("end", () => {
  process.stdin.destroy();
  process.kill(process.pid, "SIGTERM");
});
process.stdin.on("error", () => process.kill(process.pid, "SIGTERM"));

require("azurite/dist/src/azurite.js");
