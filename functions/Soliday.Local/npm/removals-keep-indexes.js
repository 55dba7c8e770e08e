// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite deletes a blob, a queue message or a table row through LokiJS's findAndRemove. For a
// collection with indexes on properties, LokiJS then sorts every index again from scratch, over
// every document the collection holds: Azurite's blobs collection has four such indexes, so each
// deleted blob cost four sorts of every blob in the account. With 10,000 entries waiting for a
// curator (about ten blobs each) a decision, which takes the entry's card off the board, spent a
// fifth of Azurite's time in those sorts, on its one thread, while every other request waited.
//
// LokiJS's removal of one document by itself (remove) keeps each index as it is, taking the one
// position out; its removal of the documents a query found (findAndRemove) rebuilds them all. One
// document found is removed here as by itself. For several, an index is a list of document
// positions in the order of the property, and removing documents keeps that order: the removed
// positions leave the list, and every position after one of them moves down by one for each
// removed before it. This does exactly that, in one pass over each index, and lets LokiJS do the
// rest of the removal as it always does (the documents, the id list, the unique indexes, the change
// events), without the sorts. An index LokiJS has already marked for a rebuild
// is left so; a collection with views, in a transaction, or whose removal did not go as expected
// gets LokiJS's own rebuild.
"use strict";

const { Loki } = require("./azurite-lokijs.js");

const Collection = Loki?.Collection?.prototype;
const expected = typeof Collection?.removeBatchByPositions === "function"
  && typeof Collection.ensureAllIndexes === "function"
  && typeof Collection.flagBinaryIndexesDirty === "function";

/** How many of the sorted `removed` positions are below `position`. */
const removedBelow = (removed, position) => {
  let low = 0;
  let high = removed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (removed[middle] < position) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The index's positions once `removed` (sorted, distinct) are gone from the documents. */
const withoutRemoved = (positions, removed) => {
  const kept = new Array(positions.length);
  let count = 0;
  const gone = new Set(removed);
  for (const position of positions) {
    if (!gone.has(position)) kept[count++] = position - removedBelow(removed, position);
  }
  kept.length = count;
  return kept;
};

const noop = () => {};

if (expected) {
  const removeAsShipped = Collection.removeBatchByPositions;
  Collection.removeBatchByPositions = function removeKeepingIndexes(positions) {
    const names = Object.keys(this.binaryIndices ?? {});
    const plain = this.adaptiveBinaryIndices && names.length > 0 && (this.DynamicViews ?? []).length === 0 && !this.transactional;
    if (!plain || !Array.isArray(positions)) {
      return removeAsShipped.call(this, positions);
    }

    if (positions.length === 1 && typeof this.remove === "function") {
      this.remove(this.data[positions[0]]); // LokiJS's own removal of one document keeps the indexes so
      return undefined;
    }

    const removed = [...new Set(positions)].sort((a, b) => a - b);
    const kept = {};
    for (const name of names) {
      const index = this.binaryIndices[name];
      if (!index.dirty) kept[name] = withoutRemoved(index.values, removed);
    }

    // LokiJS's removal, with its rebuild of every index (or its flag to rebuild them) left out.
    const before = this.data.length;
    this.ensureAllIndexes = noop;
    this.flagBinaryIndexesDirty = noop;
    let result;
    try {
      result = removeAsShipped.call(this, positions);
    } finally {
      delete this.ensureAllIndexes;
      delete this.flagBinaryIndexesDirty;
    }

    if (this.data.length !== before - removed.length) {
      this.flagBinaryIndexesDirty(); // not as expected: rebuilt from scratch when next used
      return result;
    }

    for (const name of names) {
      if (kept[name]) this.binaryIndices[name].values = kept[name];
    }

    return result;
  };
}
