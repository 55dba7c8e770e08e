// Loaded into Azurite's own process (node --require) by run-azurite.js, after save-in-slices.js.
//
// Every 5 seconds Azurite saved each of its databases whole, if anything in it had changed. With
// 10,000 entries waiting for a curator its tables held some 150,000 rows and its blobs some 60,000:
// each save visited every one of them and wrote about 170 MB, while a curator's decision changed
// a few dozen. Even in slices (save-in-slices.js) that kept Azurite's one thread busy, and every
// request waited its turn behind it.
//
// This writes a whole save only now and then, and in between appends to a file beside it (its name
// and ".changes") the documents changed since the last save: each as it is now, or the fact that it
// is gone. LokiJS notes which documents changed when asked to (its "incremental" mode, which this
// turns on); Azurite changes a document through LokiJS, except the state of a lease it brings up to
// date when reading (that state follows from the time, and is worked out again after a restart).
// Each append ends with a line naming the whole save it follows; a load applies the changes of
// appends that end so and name the save loaded, in order, and leaves out a last append cut short
// by a crash. A whole save is written again when the changes outgrow it, when a collection comes
// or goes, when more changed at once than is quick to write, and when Azurite stops, so an
// Azurite without this file finds everything in the save itself.
"use strict";

const fs = require("node:fs");

const { Loki, savesPlainJsonToFile } = require("./azurite-lokijs.js");

const expected =
  typeof Loki === "function" &&
  typeof Loki.prototype.saveDatabaseInternal === "function" &&
  typeof Loki.prototype.loadJSONObject === "function" &&
  typeof Loki.prototype.close === "function" &&
  typeof Loki.prototype.autosaveClearFlags === "function" &&
  typeof Loki.Collection?.prototype.get === "function" &&
  typeof Loki.LokiFsAdapter === "function";

/** More changed documents than this are written as a whole save, in slices, not at once. */
const MostChangesAtOnce = 20000;

/** The key of the whole save that appends name, written into it. */
const SaveKey = "solidaySave";

const changesFileOf = (db) => `${db.filename}.changes`;

/** For each database: the whole save the appends follow, the collections it had, and how much was appended. */
const saves = new WeakMap();

/** Whether the database still has the very collections it had at the whole save (a table dropped and made again is another). */
const sameCollections = (db, save) =>
  db.collections.length === save.collections.length && db.collections.every((collection, i) => collection === save.collections[i]);

const changedCount = (db) => db.collections.reduce((sum, collection) => sum + (collection.dirtyIds?.length ?? 0), 0);

let saveCount = 0;

/** Writes the whole database (in slices), and starts noting changes from the moment it is taken. */
function saveWhole(db, saveAsBefore, done) {
  const name = `${process.pid}-${Date.now()}-${++saveCount}`;
  db[SaveKey] = name;
  db.isIncremental = true; // collections added later take it from here
  for (const collection of db.collections) {
    collection.isIncremental = true;
    collection.dirtyIds = [];
  }

  const collections = [...db.collections];
  saves.delete(db); // until this save is on disk, the next one is whole too
  saveAsBefore.call(db, (error) => {
    if (error) {
      done(error);
      return;
    }

    // The appends of the save before name it, not this one: a load ignores them. Removed so they do not pile up.
    fs.rm(changesFileOf(db), { force: true }, () => {
      const bytes = fs.statSync(db.filename, { throwIfNoEntry: false })?.size ?? 0;
      saves.set(db, { name, collections, saved: bytes, appended: 0 });
      done();
    });
  });
}

/** The lines of one append: each changed document as it is now, or gone; then the line that closes it. */
function changesSince(db, save) {
  const lines = [];
  const maxIds = {};
  for (const collection of db.collections) {
    const ids = [...new Set(collection.dirtyIds)];
    collection.dirtyIds = [];
    for (const id of ids) {
      const doc = collection.get(id);
      lines.push(JSON.stringify(doc ? { in: collection.name, doc } : { in: collection.name, gone: id }, db.serializeReplacer));
    }
    maxIds[collection.name] = collection.maxId;
  }

  lines.push(JSON.stringify({ closes: save.name, maxIds }));
  return lines.join("\n") + "\n";
}

if (expected) {
  const saveAsBefore = Loki.prototype.saveDatabaseInternal;
  Loki.prototype.saveDatabaseInternal = function saveChangesOnly(callback) {
    const done = callback ?? ((error) => { if (error) throw error; });
    if (!savesPlainJsonToFile(this)) {
      saveAsBefore.call(this, callback);
      return;
    }

    const save = saves.get(this);
    const whole = !save || save.wholeNext || !sameCollections(this, save) || save.appended > save.saved || changedCount(this) > MostChangesAtOnce;
    if (whole) {
      saveWhole(this, saveAsBefore, done);
      return;
    }

    // As LokiJS does: clear the flags before writing, so a change made meanwhile is saved next time.
    this.autosaveClearFlags();
    const text = changesSince(this, save);
    fs.appendFile(changesFileOf(this), text, (error) => {
      if (error) {
        saves.delete(this); // changes taken but not written: the next save is whole
        done(error);
        return;
      }

      save.appended += Buffer.byteLength(text);
      done();
    });
  };

  // Stopping: a whole save, so the save alone holds everything (LokiJS saves on closing only when something changed).
  const closeAsBefore = Loki.prototype.close;
  Loki.prototype.close = function closeWithWholeSave(callback) {
    const save = saves.get(this);
    if (save && save.appended > 0 && this.collections.length > 0) {
      save.wholeNext = true;
      this.collections[0].dirty = true;
    }
    return closeAsBefore.call(this, callback);
  };

  const loadAsBefore = Loki.prototype.loadJSONObject;
  Loki.prototype.loadJSONObject = function loadWithChanges(dbObject, options) {
    if (dbObject && typeof dbObject[SaveKey] === "string" && typeof this.filename === "string") {
      applyChanges(dbObject, readChanges(changesFileOf(this)));
    }
    return loadAsBefore.call(this, dbObject, options); // the next save is whole: saves holds nothing for this database yet
  };
}

function readChanges(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return "";
    throw error;
  }
}

/**
 * Applies to the loaded save the appends that close with its name, in order. A line cut short (the
 * last, by a crash) or an append never closed is left out, with everything after it.
 */
function applyChanges(dbObject, text) {
  const lines = text.split("\n");
  lines.pop(); // the text after the last line's end: empty, or a line cut short
  const collections = new Map((dbObject.collections ?? []).map((collection) => [collection.name, { saved: collection, docs: undefined, maxId: 0 }]));
  const docsOf = (entry) => (entry.docs ??= new Map(entry.saved.data.map((doc) => [doc.$loki, doc])));

  let pending = [];
  for (const line of lines) {
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      break;
    }

    if (typeof record.closes !== "string") {
      pending.push(record);
      continue;
    }

    if (record.closes === dbObject[SaveKey]) {
      for (const change of pending) {
        const entry = collections.get(change.in);
        if (!entry) continue;
        if (change.doc) docsOf(entry).set(change.doc.$loki, change.doc);
        else docsOf(entry).delete(change.gone);
      }
      for (const [name, maxId] of Object.entries(record.maxIds ?? {})) {
        const entry = collections.get(name);
        if (entry) entry.maxId = Math.max(entry.maxId, maxId);
      }
    }
    pending = [];
  }

  for (const entry of collections.values()) {
    if (entry.docs) {
      entry.saved.data = [...entry.docs.values()].sort((a, b) => a.$loki - b.$loki);
      entry.saved.idIndex = entry.saved.data.map((doc) => doc.$loki);
    }
    entry.saved.maxId = Math.max(entry.saved.maxId ?? 0, entry.maxId);
  }
}
