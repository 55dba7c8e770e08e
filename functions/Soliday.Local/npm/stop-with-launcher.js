// Loaded into Azurite's own process (node --require) by run-azurite.js. Its stdin is a pipe from
// run-azurite.js that carries nothing: the pipe ends when run-azurite.js closes it or dies, however
// it dies (even SIGKILL), and then Azurite shuts down as on Ctrl+C, saving its metadata first.
"use strict";

// Azurite's three services (blob, queue, table) each print this once closed, their metadata saved.
const closedMessage = /^Azurite (Blob|Queue|Table) service successfully closed/;
const services = 3;

const shutDown = () => {
  // Once it has served requests, timers Azurite started keep it running after its services have
  // closed, until Soliday.Local gives up waiting and kills it: end it as soon as all three say so.
  let closed = 0;
  const log = console.log;
  console.log = (...args) => {
    log(...args);
    if (closedMessage.test(String(args[0])) && ++closed === services) {
      process.exit(0);
    }
  };

  // Emitted, not sent: a real signal on Windows would end the process without Azurite's handler.
  // Before Azurite has registered its handler there is nothing to save yet.
  if (!process.emit("SIGTERM", "SIGTERM")) {
    process.exit(0);
  }
};

process.stdin.on("data", () => {});
process.stdin.on("end", shutDown);
process.stdin.on("error", shutDown);

// Watching the pipe must not keep Azurite alive once its servers have closed.
process.stdin.unref();
