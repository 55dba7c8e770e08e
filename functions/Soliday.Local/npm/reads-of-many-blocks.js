// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite reads a range of a blob made of blocks (an append blob: one block per append) by opening,
// reading and closing the file of each block in the range, one after the other. Soliday's recent log
// gains a block at every publish, and every publish reads its last 192 KB for the feeds: about a
// hundred blocks, read in turn, took 90 to 100 ms of a publish that took about 170 ms on the local
// host (docs/benchmarks.md). Azure reads such a range in one go.
//
// This reads the blocks of such a range side by side, a few at a time, into memory, and answers
// with the same bytes. Only ranges of many small blocks are read so, up to 4 MB in all; a range of
// large blocks (a photo uploaded in pieces), a block of zeros, and a range past the blob's end are
// read as Azurite reads them. An Azurite whose internals differ from what this expects is left as
// it was.
"use strict";

const fs = require("node:fs/promises");
const path = require("node:path");
const { Readable } = require("node:stream");

const persistence = path.dirname(require.resolve("azurite/dist/src/common/persistence/FSExtentStore.js"));
let Store;
let ZeroExtent;
try {
  Store = require(path.join(persistence, "FSExtentStore.js")).default;
  ZeroExtent = require(path.join(persistence, "..", "..", "blob", "persistence", "IBlobMetadataStore.js")).ZERO_EXTENT_ID;
} catch {
  Store = undefined;
}

/** Fewer blocks than this are read as Azurite reads them. */
const ManyBlocks = 4;

/** The most read into memory at once for one range. */
const MostBytes = 4 * 1024 * 1024;

/** Files open at once for one range. */
const FilesAtOnce = 8;

/** The pieces of the blocks that [start, end) covers, as Azurite's readExtents picks them; undefined if the blocks end before `end`. */
const piecesOf = (chunks, start, end) => {
  const pieces = [];
  let at = 0;
  for (const chunk of chunks) {
    const next = at + chunk.count;
    if (next > start && at < end) {
      const from = chunk.offset + Math.max(0, start - at);
      const to = chunk.offset + chunk.count - Math.max(0, next - end);
      pieces.push({ id: chunk.id, offset: from, count: to - from });
    }

    if (next >= end) return pieces;
    at = next;
  }

  return end === Infinity ? pieces : undefined;
};

const readPiece = async (store, piece) => {
  const file = await fs.open(store.generateExtentPath(await store.metadataStore.getExtentLocationId(piece.id), piece.id), "r");
  try {
    const bytes = Buffer.alloc(piece.count);
    let read = 0;
    while (read < piece.count) {
      const { bytesRead } = await file.read(bytes, read, piece.count - read, piece.offset + read);
      if (bytesRead === 0) throw new RangeError(`Extent ${piece.id} ends before ${piece.offset + piece.count}.`);
      read += bytesRead;
    }

    return bytes;
  } finally {
    await file.close();
  }
};

if (typeof Store?.prototype?.readExtents === "function" && typeof Store.prototype.generateExtentPath === "function" && typeof ZeroExtent === "string") {
  const readAsShipped = Store.prototype.readExtents;
  Store.prototype.readExtents = async function readManyBlocksAtOnce(chunks, offset = 0, count = Infinity, contextId) {
    const pieces = Array.isArray(chunks) && count > 0 ? piecesOf(chunks, offset, offset + count) : undefined;
    const total = pieces?.reduce((sum, piece) => sum + piece.count, 0) ?? Infinity;
    if (pieces === undefined || pieces.length < ManyBlocks || total > MostBytes || pieces.some((piece) => piece.id === ZeroExtent || !(piece.count > 0))
      || typeof this.metadataStore?.getExtentLocationId !== "function") {
      return readAsShipped.call(this, chunks, offset, count, contextId);
    }

    const buffers = new Array(pieces.length);
    let next = 0;
    const reader = async () => {
      while (next < pieces.length) {
        const i = next++;
        buffers[i] = await readPiece(this, pieces[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FilesAtOnce, pieces.length) }, reader));
    return Readable.from([Buffer.concat(buffers, total)]);
  };
}
