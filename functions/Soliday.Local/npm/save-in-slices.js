// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite keeps what it knows of blobs, queues and tables in four LokiJS databases and saves each
// one every 5 seconds as one JSON document, written whole in one go on its one thread. With 10,000
// entries waiting for a curator each save held the thread for 100 to 780 ms, about a second in
// every five, and every request arriving meanwhile waited: a curator's decision took up to 1.8 s
// on the local host, though Soliday's own part stayed near flat (docs/benchmarks.md).
//
// This writes the same document in slices of documents, letting requests in between the slices.
// The save takes what it writes from one moment, as LokiJS does: the list of each collection's
// documents and everything else about the database are taken at once, before the first slice. A
// document removed after that moment is still written, as it was (a row Azurite replaces meanwhile
// is removed and inserted again: leaving it out would lose the row from this save); one changed in
// place is written as it is when its slice is written. Either change marks the database for the
// next save. The indexes on properties are not written, only their names:
// a document changed in place after that moment may no longer sit where an index had it, so they
// are built again when the database is loaded (a few sorts, once at start). An Azurite without
// this file loads such a save without those indexes, and gives the same answers, more slowly. The
// file is written beside the database and renamed over it, as LokiJS does, so a crash mid-save
// leaves the last whole save.
//
// A database that is not saved to a file by LokiJS's own adapter as plain JSON, that has views
// LokiJS keeps positions for, or whose shape differs from what this expects, is saved as LokiJS
// always does.
"use strict";

const fs = require("node:fs/promises");

/** Documents turned to JSON between two chances for requests: about a millisecond of work for Azurite's documents. */
const DocumentsPerSlice = 500;

const { Loki, savesPlainJsonToFile } = require("./azurite-lokijs.js");

const expected =
  typeof Loki === "function" &&
  typeof Loki.prototype.saveDatabaseInternal === "function" &&
  typeof Loki.prototype.serializeReplacer === "function" &&
  typeof Loki.prototype.autosaveClearFlags === "function" &&
  typeof Loki.prototype.loadJSONObject === "function" &&
  typeof Loki.Collection === "function" &&
  typeof Loki.LokiFsAdapter === "function";

// Stand-ins written where the documents and the id list go; JSON escapes the NUL, so no name can look like them.
const DocumentsMark = JSON.stringify("\u0000soliday-documents\u0000");
const IdsMark = JSON.stringify("\u0000soliday-ids\u0000");

/** Where a saved collection names the indexes to build again on loading. */
const IndexesToBuild = "solidayIndexesToBuild";

/**
 * The database as LokiJS would serialize it, cut where each collection's documents and ids go,
 * with each collection's documents (and their ids) as they are now. Undefined if the cuts are not
 * where this expects them.
 */
const takeSnapshot = (db) => {
  const outline = JSON.stringify(db, function (key, value) {
    if (this === db.collections && value instanceof Loki.Collection) {
      return {
        ...value,
        data: JSON.parse(DocumentsMark),
        idIndex: JSON.parse(IdsMark),
        binaryIndices: {},
        [IndexesToBuild]: Object.keys(value.binaryIndices ?? {}),
      };
    }
    return db.serializeReplacer.call(this, key, value);
  });

  const pieces = outline.split(new RegExp(`(${escapeForRegex(DocumentsMark)}|${escapeForRegex(IdsMark)})`));
  const marks = pieces.filter((_, i) => i % 2 === 1);
  const inPairs = marks.length === 2 * db.collections.length && marks.every((mark, i) => mark === (i % 2 === 0 ? DocumentsMark : IdsMark));
  if (!inPairs) return undefined;

  return {
    text: pieces.filter((_, i) => i % 2 === 0),
    collections: db.collections.map((collection) => ({
      documents: collection.data.slice(),
      ids: collection.data.map((doc) => doc.$loki),
      metas: collection.data.map((doc) => doc.meta),
    })),
  };
};

const escapeForRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Each document's text as last written, with the id and revision it had then. LokiJS counts a
 * document's revision up at every update, and Azurite changes a document through an update (so
 * that its indexes follow), so a document with the same id and revision has the same text: on a
 * busy day most documents of a save did not change since the last one, and turning every one of
 * them into JSON again was a third of Azurite's time. The one exception: a lease's state, which
 * Azurite brings up to date in place when it reads a blob or container (a lease that ran out says
 * so), so those fields are compared too. A document removed and inserted again gets a new id. Held
 * weakly: a document Azurite lets go of takes its text with it.
 */
const texts = new WeakMap();

/** SOLIDAY_AZURITE_CHECK_SAVES=1 makes every text taken from the above again and compares, for tests. */
const checking = process.env.SOLIDAY_AZURITE_CHECK_SAVES === "1";

/** The lease fields Azurite's lease syncers write in place (blob/lease/*LeaseSyncer.js). */
const leaseOf = (doc) => JSON.stringify([
  doc.leaseId, doc.leaseExpireTime, doc.leaseDurationSeconds, doc.leaseBreakTime,
  doc.properties?.leaseDuration, doc.properties?.leaseState, doc.properties?.leaseStatus,
]);

const sameVersion = (known, doc) =>
  known.id === doc.$loki && known.revision === doc.meta?.revision && known.updated === doc.meta?.updated && known.lease === leaseOf(doc);

/**
 * A document as the snapshot holds it. One removed since (Azurite replaces a row by removing it and
 * inserting another) has lost its id and its LokiJS metadata, and is written with them, as it was.
 */
const documentText = (db, { documents, ids, metas }, i) => {
  const doc = documents[i];
  if (doc.$loki !== ids[i]) {
    return JSON.stringify({ ...doc, meta: metas[i], $loki: ids[i] }, db.serializeReplacer);
  }

  const known = texts.get(doc);
  if (known && sameVersion(known, doc)) {
    if (checking && known.text !== JSON.stringify(doc, db.serializeReplacer)) {
      process.stderr.write(`soliday: a saved text went stale: ${known.text.slice(0, 200)}\n`);
    }
    return known.text;
  }

  const text = JSON.stringify(doc, db.serializeReplacer);
  if (doc.meta && typeof doc.meta.revision === "number") {
    texts.set(doc, { id: doc.$loki, revision: doc.meta.revision, updated: doc.meta.updated, lease: leaseOf(doc), text });
  }
  return text;
};

/** Writes the snapshot to `file`: the outline's text, and each collection's documents a slice at a time. */
const writeSnapshot = async (db, snapshot, file) => {
  const handle = await fs.open(file, "w");
  try {
    for (let c = 0; c < snapshot.collections.length; c++) {
      const collection = snapshot.collections[c];
      await handle.write(snapshot.text[2 * c] + "[");
      for (let start = 0; start < collection.documents.length; start += DocumentsPerSlice) {
        const end = Math.min(start + DocumentsPerSlice, collection.documents.length);
        const slice = [];
        for (let i = start; i < end; i++) {
          slice.push(documentText(db, collection, i));
        }
        await handle.write((start > 0 ? "," : "") + slice.join(","));
      }
      await handle.write("]" + snapshot.text[2 * c + 1] + JSON.stringify(collection.ids));
    }
    await handle.write(snapshot.text[snapshot.text.length - 1]);
  } finally {
    await handle.close();
  }
};

if (expected) {
  const asShipped = Loki.prototype.saveDatabaseInternal;
  Loki.prototype.saveDatabaseInternal = function saveDatabaseInSlices(callback) {
    const done = callback ?? ((error) => { if (error) throw error; });
    if (!savesPlainJsonToFile(this)) {
      asShipped.call(this, callback);
      return;
    }

    // As LokiJS does: clear the flags before writing, so a change made meanwhile is saved next time.
    this.autosaveClearFlags();
    const snapshot = takeSnapshot(this);
    if (!snapshot) {
      asShipped.call(this, callback);
      return;
    }

    const partial = `${this.filename}~`;
    writeSnapshot(this, snapshot, partial)
      .then(() => fs.rename(partial, this.filename))
      .then(() => done(), (error) => done(error instanceof Error ? error : new Error(String(error))));
  };

  const loadAsShipped = Loki.prototype.loadJSONObject;
  Loki.prototype.loadJSONObject = function loadAndBuildIndexes(dbObject, options) {
    const loaded = loadAsShipped.call(this, dbObject, options);
    for (const saved of dbObject?.collections ?? []) {
      const collection = this.getCollection(saved.name);
      for (const property of saved[IndexesToBuild] ?? []) {
        collection?.ensureIndex(property, true);
      }
    }
    return loaded;
  };
}
