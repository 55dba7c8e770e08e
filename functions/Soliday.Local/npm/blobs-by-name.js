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
//   to the first name past every one of them. A listing starts from that stretch, past its marker,
//   then Azurite applies its own query, order and paging as always: the same answer, from those
//   blobs only. Even so, a page of 50 from a folder of 10,000 cards tested and sorted all 10,000,
//   so a listing looks at the first few hundred names of the stretch first, and at more only when
//   a page read from them came up short.
//
// On a busy day, about ten blobs for every entry, each of these cost as much as the whole account
// holds, on Azurite's one thread. LokiJS orders names that read as numbers ("42", "1e5") before all
// others, by value; a prefix with a character no number has (a "/", say) can only start names that
// are ordered as text, so only such prefixes are narrowed. Any other query, and any Azurite whose
// internals differ from what this expects, is left exactly as it was.
"use strict";

const path = require("node:path");

const persistence = path.dirname(require.resolve("azurite/dist/src/blob/persistence/LokiBlobMetadataStore.js"));
const { Loki } = require("./azurite-lokijs.js");
let Store;
try {
  Store = require(path.join(persistence, "LokiBlobMetadataStore.js")).default;
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

/** Azurite's page when a listing asks for none: the curators' digest reads the waiting folder so. */
const PageAsShipped = 5000;

/**
 * How many names a listing looks at first, past its marker: four pages (a page of the board is 50).
 * Azurite reads a second page after a full one, to learn whether there is a next; the rest is room
 * for the snapshots and staged blocks it skips, so a listing rarely has to read again.
 */
const firstWindow = (maxResults) => Math.max(256, 4 * (Number.isSafeInteger(maxResults) && maxResults > 0 ? maxResults : PageAsShipped));

/**
 * The blobs of the stretch, cut to its first `window` names, so a page costs what it shows and not
 * what the folder holds. Cut, it is exact only while every page read from it is full (the names
 * past the cut all come after what it shows): a read that finds fewer than it asks for calls `short`.
 */
const firstOfTheStretch = (resultset, window, short) => {
  if (resultset.filteredrows.length <= window) return resultset;
  resultset.filteredrows = resultset.filteredrows.slice(0, window);
  return sayingShort(resultset, short);
};

/** The resultset, whose limit calls `short` when fewer are left than it lets through; so does its offset's (LokiJS's offset makes a new resultset). */
const sayingShort = (resultset, short) => {
  const { limit, offset } = resultset;
  resultset.limit = function limitOrSayShort(count) {
    if (this.filteredrows.length < count) short();
    return limit.call(this, count);
  };
  resultset.offset = function offsetSayingShort(position) {
    return sayingShort(offset.call(this, position), short);
  };
  return resultset;
};

if (expected) {
  const listAsShipped = Store.prototype.listBlobs;
  Store.prototype.listBlobs = async function listFromThePrefix(context, account, container, delimiter, blob, prefix = "", maxResults, marker = "", includeSnapshots, includeUncommittedBlobs, startFrom) {
    const args = [context, account, container, delimiter, blob, prefix, maxResults, marker, includeSnapshots, includeUncommittedBlobs, startFrom];
    const upTo = typeof prefix === "string" && OrderedAsText.test(prefix) && blob === undefined ? pastEvery(prefix) : undefined;
    const blobs = upTo === undefined ? undefined : this.db?.getCollection?.(this.BLOBS_COLLECTION);
    if (!blobs?.binaryIndices?.name || typeof blobs.chain !== "function" || typeof Loki.Resultset?.prototype?.limit !== "function") {
      return listAsShipped.apply(this, args);
    }

    // Names up to the marker (or before startFrom) are left out by Azurite's query: start past them.
    // $between is inclusive: a bound that is itself a name is left out by that query too.
    const from = [marker, startFrom].reduce((low, bound) => (typeof bound === "string" && OrderedAsText.test(bound) && bound > low ? bound : low), prefix);

    // The store as it is, except that its blobs start from the stretch of names under the prefix,
    // cut to a window that grows until no page read from it came up short.
    for (let window = firstWindow(maxResults); ; window *= 16) {
      let short = false;
      const narrowed = Object.create(blobs, {
        chain: { value: () => firstOfTheStretch(blobs.chain().find({ name: { $between: [from, upTo] } }), window, () => { short = true; }) },
      });
      const db = Object.create(this.db, {
        getCollection: { value: (name) => (name === this.BLOBS_COLLECTION ? narrowed : this.db.getCollection(name)) },
      });
      const listed = await listAsShipped.apply(Object.create(this, { db: { value: db } }), args);
      if (!short) return listed;
    }
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
