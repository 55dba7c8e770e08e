// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite keeps every message of every queue in one list and answers each read of a queue by
// testing every message of the account (which is every message), and a read that hands out
// messages makes it sort the whole list again to rebuild its indexes. Before each read it also
// removes the expired messages: it tests every message for that too, and removes them as a batch
// even when there are none, which makes the next read sort the list again. The durable engine
// reads its queues several times a second, and each entry waiting for a curator keeps two timers
// there as messages, invisible for hours: on a busy day Azurite's one thread was busy with little
// else, and every step of every entry slowed with the number waiting, which Azure's queues do not
// do (docs/benchmarks.md, "Azurite as shipped and as the local host runs it").
//
// This answers the same reads from what can be delivered now: messages are indexed by the time
// they become visible, so a read looks only at the visible ones, never at the timers. Expired
// messages are looked for only once the queue's earliest expiry has come (known from the last
// look, lowered as messages arrive), and removed as Azurite removes them. Messages handed out are
// updated one by one, so each index is adjusted, not rebuilt. Messages, their order, receipts,
// counts and expiry are exactly Azurite's. An Azurite whose internals differ from what this expects
// is left as it was.
"use strict";

const path = require("node:path");

let Store;
try {
  Store = require(path.join(path.dirname(require.resolve("azurite/dist/src/queue/persistence/LokiQueueMetadataStore.js")), "LokiQueueMetadataStore.js")).default;
} catch {
  Store = undefined;
}

const methods = ["checkQueueExist", "clearExpiredMessages", "getMessages", "peekMessages", "getMessagesCount", "insertMessage", "messageCopy"];
const expected = typeof Store === "function" && methods.every((name) => typeof Store.prototype[name] === "function");

/** The messages collection, with the index on visibility this relies on (kept up to date by LokiJS from then on). */
const messagesOf = (store) => {
  const messages = store.db.getCollection(store.MESSAGES_COLLECTION);
  if (!messages.binaryIndices.timeNextVisible) {
    messages.ensureIndex("timeNextVisible");
  }
  return messages;
};

/** The first `count` messages of a queue visible at `time`, in Azurite's order: soonest visible, then oldest. */
const firstVisible = (messages, account, queue, time, count) =>
  messages
    .chain()
    .find({ timeNextVisible: { $lte: time } })
    .find({ queueName: queue, accountName: account })
    .compoundsort([["timeNextVisible", false], ["$loki", false]])
    .limit(count)
    .data();

// An expiry as LokiJS compares it with a time: a Date by its milliseconds; anything it cannot read as
// a number never compares as passed (so never expires), as in Azurite.
const expiryOf = (message) => {
  const time = Number(message.expirationTime);
  return Number.isNaN(time) ? Infinity : time;
};

// For each queue looked at, a time before which none of its messages expires: the earliest expiry
// seen at the last look, lowered by every message inserted since. Removals only leave it earlier
// than it need be, which costs a look, never a missed expiry.
const earliestExpiry = new Map();
const queueKey = (account, queue) => `${account}\n${queue}`;

if (expected) {
  const insert = Store.prototype.insertMessage;
  Store.prototype.insertMessage = async function (message, context) {
    await insert.call(this, message, context);
    const key = queueKey(message.accountName, message.queueName);
    if (earliestExpiry.has(key)) {
      earliestExpiry.set(key, Math.min(earliestExpiry.get(key), expiryOf(message)));
    }
  };

  Store.prototype.clearExpiredMessages = async function (account, queue, context) {
    this.checkQueueExist(account, queue, context);
    const key = queueKey(account, queue);
    const now = Date.now();
    if (earliestExpiry.has(key) && now < earliestExpiry.get(key)) {
      return;
    }

    const messages = messagesOf(this);
    const expired = [];
    let earliest = Infinity;
    for (const message of messages.chain().find({ queueName: queue }).find({ accountName: account }).data()) {
      const expiry = expiryOf(message);
      if (expiry <= now) {
        expired.push(message);
      } else {
        earliest = Math.min(earliest, expiry);
      }
    }

    earliestExpiry.set(key, earliest);
    if (expired.length > 0) {
      messages.remove(expired);
    }
  };

  Store.prototype.peekMessages = async function (account, queue, numOfMessages, queryDate, context) {
    this.checkQueueExist(account, queue, context);
    this.clearExpiredMessages(account, queue, context);
    const time = queryDate ? queryDate.getTime() : Date.now();
    return firstVisible(messagesOf(this), account, queue, time, numOfMessages === undefined ? 1 : numOfMessages)
      .map((doc) => this.messageCopy(doc));
  };

  Store.prototype.getMessages = async function (account, queue, timeNextVisible, popReceipt, numOfMessages, queryDate, context) {
    this.checkQueueExist(account, queue, context);
    this.clearExpiredMessages(account, queue, context);
    const messages = messagesOf(this);
    const time = queryDate ? queryDate.getTime() : Date.now();
    const docs = firstVisible(messages, account, queue, time, numOfMessages === undefined || numOfMessages < 1 ? 1 : numOfMessages);
    const nextVisible = timeNextVisible.getTime();
    return docs.map((doc) => {
      doc.timeNextVisible = nextVisible;
      doc.popReceipt = popReceipt;
      doc.dequeueCount = Number(doc.dequeueCount) + 1;
      messages.update(doc); // one at a time: a batch update would sort every index again
      return this.messageCopy(doc);
    });
  };

  Store.prototype.getMessagesCount = async function (account, queue, context) {
    this.checkQueueExist(account, queue, context);
    return messagesOf(this).chain().find({ queueName: queue }).find({ accountName: account }).count();
  };
}
