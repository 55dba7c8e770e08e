// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite keeps its blobs in one list for the whole account, with an index ordered by name, but
// found them without it:
//
// - One blob (to read, write or delete it) was looked up by account first, then container, name
//   and snapshot: LokiJS narrows by the first key's index and tests the rest, and every blob has
//   the same account, so each lookup tested every blob. The name goes first here: it is the key
//   that tells blobs apart, and the others are tested as before, so the answer is the same.
// - The blobs under a prefix (a page of the curators' board, one entry's files) were listed by
//   testing a regular expression against every blob of the account, then sorting what matched.
//   The names that start with a prefix sit together in the name index, from the prefix itself up
//   to the first name past every one of them. A listing starts from that stretch, then Azurite
//   applies its own query, order and paging as always: the same answer, from those blobs only.
//
// On a busy day, about ten blobs for every entry, each of these cost as much as the whole account
// holds, on Azurite's one thread. LokiJS orders names that read as numbers ("42", "1e5") before all
// others, by value; a prefix with a character no number has (a "/", say) can only start names that
// are ordered as text, so only such prefixes are narrowed. Any other query, and any Azurite whose
// internals differ from what this expects, is left exactly as it was.
"use strict";

const path = require("node:path");

const persistence = path.dirname(require.resolve("azurite/dist/src/blob/persistence/LokiBlobMetadataStore.js"));
let Store;
let Loki;
try {
  Store = require(path.join(persistence, "LokiBlobMetadataStore.js")).default;
  Loki = require(require.resolve("lokijs", { paths: [persistence] }));
} catch {
  Store = undefined;
  Loki = undefined;
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

// Lookups: a query of plain values over several keys, one of them the name, in a list indexed by
// name, starts from the name. (A name given as an operator, like a listing's prefix, is left alone.)
const Resultset = Loki?.Resultset?.prototype;
const startsFromName = (resultset, query) =>
  !resultset.filterInitialized
  && query !== null && typeof query === "object" && !Array.isArray(query)
  && typeof query.name === "string"
  && Object.keys(query).length > 1 && Object.keys(query)[0] !== "name"
  && Object.keys(query).every((key) => !key.startsWith("$") && (query[key] === null || typeof query[key] !== "object"))
  && resultset.collection?.binaryIndices?.name !== undefined;

if (typeof Resultset?.find === "function") {
  const findAsShipped = Resultset.find;
  Resultset.find = function findFromTheName(query, firstOnly) {
    return findAsShipped.call(this, startsFromName(this, query) ? { name: query.name, ...query } : query, firstOnly);
  };
}
