// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite lists the blobs under a prefix (a page of the curators' board, one entry's files) by
// testing a regular expression against every blob of the account, then sorting what matched: each
// listing cost as much as the whole account holds, about ten blobs for every entry of the day.
// Azurite already keeps its blobs in an index ordered by name, and the names that start with a
// prefix sit together in that order, from the prefix itself up to the first name past every one of
// them. This starts a listing from that stretch of the index, then lets Azurite apply its own
// query, order and paging as always: the same answer, from the blobs under the prefix only.
//
// LokiJS orders names that read as numbers ("42", "1e5") before all others, by value; a prefix with
// a character no number has (a "/", say) can only start names that are ordered as text, so only
// such prefixes are narrowed. Any other listing, and any Azurite whose internals differ from what
// this expects, is left exactly as it was.
"use strict";

const path = require("node:path");

let Store;
try {
  Store = require(path.join(path.dirname(require.resolve("azurite/dist/src/blob/persistence/LokiBlobMetadataStore.js")), "LokiBlobMetadataStore.js")).default;
} catch {
  Store = undefined;
}

/** A character no string that LokiJS reads as a number can hold. */
const OrderedAsText = /[^0-9A-Za-z.+\-\s]/;

/** The first string past every string that starts with `prefix`, in JavaScript's order of strings. */
const pastEvery = (prefix) => {
  let end = prefix.length;
  while (end > 0 && prefix.charCodeAt(end - 1) === 0xffff) end--;
  return end === 0 ? undefined : prefix.slice(0, end - 1) + String.fromCharCode(prefix.charCodeAt(end - 1) + 1);
};

const expected = typeof Store?.prototype?.listBlobs === "function" && typeof Store.prototype.escapeRegex === "function";

if (expected) {
  const listAsShipped = Store.prototype.listBlobs;
  Store.prototype.listBlobs = function listFromThePrefix(context, account, container, delimiter, blob, prefix = "", ...rest) {
    const upTo = typeof prefix === "string" && OrderedAsText.test(prefix) && blob === undefined ? pastEvery(prefix) : undefined;
    const blobs = upTo === undefined ? undefined : this.db?.getCollection?.(this.BLOBS_COLLECTION);
    if (!blobs?.binaryIndices?.name || typeof blobs.chain !== "function") {
      return listAsShipped.call(this, context, account, container, delimiter, blob, prefix, ...rest);
    }

    // The store as it is, except that its blobs start from the stretch of names under the prefix
    // ($between is inclusive: the bound itself, if a blob has that name, is left out by Azurite's query).
    const narrowed = Object.create(blobs, {
      chain: { value: () => blobs.chain().find({ name: { $between: [prefix, upTo] } }) },
    });
    const db = Object.create(this.db, {
      getCollection: { value: (name) => (name === this.BLOBS_COLLECTION ? narrowed : this.db.getCollection(name)) },
    });
    return listAsShipped.call(Object.create(this, { db: { value: db } }), context, account, container, delimiter, blob, prefix, ...rest);
  };
}
