// Neo4j's own Cypher front end, for graph/neo4j_frontend.py.
//
//   node lint.mjs SCHEMA.json < queries.json
//
// stdin:  a JSON array of query strings.
// argv:   a JSON file with the dbSchema built from the contract by Python
//         ({labels, relationshipTypes, propertyKeys, extraProcedures}).
// stdout: a JSON array with, per query, the list of its diagnostics
//         {severity, message, start, end, line, column, endLine, endColumn}
//         (severity as in LSP: 1 error, 2 warning, 3 information, 4 hint).
//
// Neo4j's procedures and functions come from the registry the pinned package
// ships (a dump of a real Neo4j's `SHOW PROCEDURES` / `SHOW FUNCTIONS`), kept
// to Neo4j's built-in ones: with a registry the front end flags unknown
// procedures and functions, and APOC or GDS would not exist on FalkorDB
// either. "Parameter $x is not defined" is dropped (isNotParamError): values
// arrive at run time, never in the schema.

import { readFileSync } from 'node:fs';
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

const REGISTRY =
  './node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/tests/testData.js';
const THIRD_PARTY = /^(apoc|gds|genai)\./;

function fail(message) {
  process.stderr.write(`lint.mjs: ${message}\n`);
  process.exit(2);
}

async function builtInRegistry() {
  let testData;
  try {
    ({ testData } = await import(new URL(REGISTRY, import.meta.url)));
  } catch (error) {
    fail(`cannot load Neo4j's procedure registry from the package (${error.message}); ` +
      'run: npm ci --prefix tools/cypher-lint');
  }
  const keep = (registry, wanted) =>
    Object.fromEntries(Object.entries(registry ?? {}).filter(([name, item]) => wanted(name, item)));
  const functions = {};
  const procedures = {};
  for (const [version, registry] of Object.entries(testData.mockSchema.functions)) {
    functions[version] = keep(registry, (name, item) => item.isBuiltIn && !THIRD_PARTY.test(name));
  }
  for (const [version, registry] of Object.entries(testData.mockSchema.procedures)) {
    procedures[version] = keep(registry, (name) => !THIRD_PARTY.test(name));
  }
  return { functions, procedures };
}

function readJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${what} is not JSON (${error.message})`);
  }
}

const schemaPath = process.argv[2];
if (!schemaPath) fail('usage: node lint.mjs SCHEMA.json < queries.json');
const given = readJson(readFileSync(schemaPath, 'utf8'), schemaPath);
const queries = readJson(readFileSync(0, 'utf8'), 'stdin');
if (!Array.isArray(queries) || !queries.every((q) => typeof q === 'string')) {
  fail('stdin must be a JSON array of query strings');
}

const { functions, procedures } = await builtInRegistry();
// Procedures of another engine the caller asked to accept (FalkorDB's
// full-text search), declared with their signatures so the rest of the
// statement is still checked against them.
for (const procedure of given.extraProcedures ?? []) {
  for (const version of Object.keys(procedures)) procedures[version][procedure.name] = procedure;
}
const dbSchema = {
  labels: given.labels ?? [],
  relationshipTypes: given.relationshipTypes ?? [],
  propertyKeys: given.propertyKeys ?? [],
  functions,
  procedures,
};

const results = queries.map((query) => {
  try {
    const { diagnostics } = lintCypherQuery(query, dbSchema);
    return diagnostics.filter(isNotParamError).map((d) => ({
      severity: d.severity ?? 1,
      message: d.message,
      start: d.offsets?.start ?? 0,
      end: d.offsets?.end ?? 0,
      line: d.range?.start?.line ?? 0,
      column: d.range?.start?.character ?? 0,
      endLine: d.range?.end?.line ?? 0,
      endColumn: d.range?.end?.character ?? 0,
    }));
  } catch (error) {
    // The front end itself gave up: report it as an error on the query.
    return [{ severity: 1, message: `front end crashed: ${error.message}`, start: 0, end: 0,
      line: 0, column: 0, endLine: 0, endColumn: 0 }];
  }
});
process.stdout.write(JSON.stringify(results));
