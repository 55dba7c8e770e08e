// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite's table service answers every query by testing its filter against every entity in the
// table, so a read of one partition costs as much as the whole table holds. And it looks up one
// entity (to read, insert, update or merge it) by its row key first, then its partition: the
// durable engine's row keys repeat in every partition (each workflow's history counts from the
// same numbers, each instance row has the same empty key), so each lookup tested a row of every
// workflow. The durable engine reads and writes one partition (one entry's workflow) for each of
// its steps, and its tables hold a row per event of every workflow of the day: on a busy day each
// step grew slower with every entry waiting for a curator, which Azure's Table Storage, indexed by
// partition, does not do.
//
// For a filter that pins the partition (`PartitionKey eq '…'`, alone or joined by `and`), this
// narrows the entities to that partition first, through the index Azurite already keeps on
// PartitionKey, then lets Azurite apply the whole filter, order and page as it always does: the
// same answer, from the partition's rows only. A lookup of one entity starts from its partition
// the same way (partition and row key name at most one entity, so the answer cannot differ). Any
// other filter, and any Azurite whose internals differ from what this expects, is left exactly as
// it was.
"use strict";

const path = require("node:path");

const { Loki } = require("./azurite-lokijs.js");

const persistence = path.dirname(require.resolve("azurite/dist/src/table/persistence/LokiTableMetadataStore.js"));
const load = (file) => {
  try {
    return require(path.join(persistence, file)).default;
  } catch {
    return undefined;
  }
};

const Store = load("LokiTableMetadataStore.js");
const parse = load("QueryInterpreter/QueryParser.js");
const AndNode = load("QueryInterpreter/QueryNodes/AndNode.js");
const EqualsNode = load("QueryInterpreter/QueryNodes/EqualsNode.js");
const IdentifierNode = load("QueryInterpreter/QueryNodes/IdentifierNode.js");
const ConstantNode = load("QueryInterpreter/QueryNodes/ConstantNode.js");

/** The partition a filter's tree requires every match to be in, or undefined. */
const pinnedPartition = (node) => {
  if (node instanceof AndNode) {
    return pinnedPartition(node.left) ?? pinnedPartition(node.right);
  }

  if (node instanceof EqualsNode) {
    const [key, value] = node.left instanceof IdentifierNode ? [node.left, node.right] : [node.right, node.left];
    if (key instanceof IdentifierNode && key.identifier === "PartitionKey" && value instanceof ConstantNode && typeof value.value === "string") {
      return value.value;
    }
  }

  return undefined;
};

const partitionOf = (filter) => {
  try {
    return filter ? pinnedPartition(parse(filter)) : undefined;
  } catch {
    return undefined; // not a filter Azurite can read: it answers with its own error
  }
};

const understood = [Store, parse, AndNode, EqualsNode, IdentifierNode, ConstantNode].every((part) => typeof part === "function")
  && typeof Store.prototype.queryTableEntities === "function"
  && typeof Store.prototype.getEntityCollection === "function";

if (understood) {
  const queryAll = Store.prototype.queryTableEntities;
  Store.prototype.queryTableEntities = function (context, account, table, queryOptions, ...continuation) {
    const partition = partitionOf(queryOptions?.filter);
    if (partition === undefined) {
      return queryAll.call(this, context, account, table, queryOptions, ...continuation);
    }

    // The store as it is, except that the table's entities start from the partition's.
    const store = this;
    const narrowed = Object.create(store, {
      getEntityCollection: {
        value(...args) {
          const entities = store.getEntityCollection(...args);
          return Object.create(entities, { chain: { value: () => entities.chain().find({ PartitionKey: partition }) } });
        },
      },
    });
    return queryAll.call(narrowed, context, account, table, queryOptions, ...continuation);
  };
}

// Entity lookups are LokiJS's findOne({ RowKey, PartitionKey }), in that order: LokiJS narrows by
// the first key's index and tests the rest, so the partition goes first.
const isEntityKey = (query) => query !== null && typeof query === "object"
  && Object.keys(query).length === 2 && "PartitionKey" in query && "RowKey" in query;

if (understood && typeof Loki?.Collection?.prototype?.findOne === "function") {
  const findOne = Loki.Collection.prototype.findOne;
  Loki.Collection.prototype.findOne = function (query) {
    return findOne.call(this, isEntityKey(query) ? { PartitionKey: query.PartitionKey, RowKey: query.RowKey } : query);
  };
}
