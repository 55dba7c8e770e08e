// Loaded into Azurite's own process (node --require) by run-azurite.js.
//
// Azurite finds which operation a request is by testing it against every operation of its service
// in turn (some 70 for blobs), and each test compiled the operation's URI template again from its
// text before matching the request's path to it: about a twentieth of Azurite's one thread while
// the local host took in entries, most of it on blob requests, which Soliday makes many of.
//
// This keeps each template compiled after its first use and matches it exactly as Azurite does:
// the same library, the same strict match, and no part of the path left empty. A compiled template
// holds nothing of the paths it was matched to. An Azurite whose internals differ from what this
// expects is left as it was.
"use strict";

const path = require("node:path");

const azurite = path.dirname(require.resolve("azurite/package.json"));

let UriTemplate;
try {
  UriTemplate = require(require.resolve("uri-templates", { paths: [azurite] }));
} catch {
  UriTemplate = undefined;
}

/** Every template seen, compiled: a few hundred at most, from Azurite's own operation specifications. */
const compiled = new Map();

const compile = (template) => {
  let uriTemplate = compiled.get(template);
  if (uriTemplate === undefined) {
    uriTemplate = UriTemplate(template);
    compiled.set(template, uriTemplate);
  }

  return uriTemplate;
};

/** Azurite's isURITemplateMatch, but for compiling the template once. */
const isURITemplateMatch = (url, template) => {
  const result = compile(template).fromUri(url, { strict: true });
  return result !== undefined && Object.keys(result).every((key) => result[key] !== "");
};

for (const service of ["blob", "queue", "table"]) {
  let utils;
  try {
    utils = require(path.join(azurite, "dist", "src", service, "generated", "utils", "utils.js"));
  } catch {
    continue;
  }

  if (typeof UriTemplate === "function" && typeof utils.isURITemplateMatch === "function" && utils.isURITemplateMatch.length === 2) {
    utils.isURITemplateMatch = isURITemplateMatch;
  }
}
