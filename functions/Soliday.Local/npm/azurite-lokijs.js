// The LokiJS that Azurite keeps its databases in, for the files run-azurite.js loads into Azurite's
// process to change how it uses it. Each of them leaves Azurite as it is when this finds no LokiJS
// (undefined), or one whose internals differ from what it expects.
"use strict";

const path = require("node:path");

let Loki;
try {
  Loki = require(require.resolve("lokijs", { paths: [path.dirname(require.resolve("azurite/package.json"))] }));
} catch {
  Loki = undefined;
}

/**
 * Whether LokiJS saves `db` to a file with its own adapter, as plain JSON, with no views it keeps
 * positions for: the only databases whose saves this folder's files write themselves.
 */
const savesPlainJsonToFile = (db) =>
  db.persistenceAdapter instanceof Loki.LokiFsAdapter &&
  (db.options?.serializationMethod ?? "normal") === "normal" &&
  db.collections.every((collection) => Array.isArray(collection.data) && (collection.DynamicViews ?? []).length === 0);

module.exports = { Loki, savesPlainJsonToFile };
