// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Before every read of a queue, Azurite removes the messages that have expired, and it removes
// them as a batch even when there are none. A batch removal marks every index of the messages
// collection as stale, so the next lookup sorts every message of every queue again to rebuild
// them. The durable engine reads its queues several times a second, and each entry waiting for a
// curator keeps timers there as messages: on a busy day Azurite spent most of its one thread
// re-sorting messages, and every step of every entry slowed with the number waiting, which Azure's
// queues do not do (measured in docs/benchmarks.md).
//
// This removes the expired messages exactly as Azurite does, and skips the removal when nothing
// has expired. An Azurite whose internals differ from what this expects is left as it was.
"use strict";

const path = require("node:path");

let Store;
try {
  Store = require(path.join(path.dirname(require.resolve("azurite/dist/src/queue/persistence/LokiQueueMetadataStore.js")), "LokiQueueMetadataStore.js")).default;
} catch {
  Store = undefined;
}

const expected = typeof Store === "function"
  && typeof Store.prototype.clearExpiredMessages === "function"
  && typeof Store.prototype.checkQueueExist === "function";

if (expected) {
  Store.prototype.clearExpiredMessages = async function (account, queue, context) {
    this.checkQueueExist(account, queue, context);
    const messages = this.db.getCollection(this.MESSAGES_COLLECTION);
    const expired = messages
      .chain()
      .find({ accountName: account, queueName: queue, expirationTime: { $lte: Date.now() } })
      .data();
    if (expired.length > 0) {
      messages.remove(expired);
    }
  };
}
