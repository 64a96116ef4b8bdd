#!/usr/bin/env node
// The outside service of examples/scheduled-screening: a list of applicants to screen, and a receiver for the
// screening report the workflow sends back, checking Casework's webhook signature (Persona's scheme:
// `Casework-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
// packages/runtime/src/http/http-signature.ts). Node only, no dependencies; state in memory.
//
//   GET  /applicants         → {"applicants": [{id, inquiryId, name, country, risk}, …]}
//   POST /screening-reports  → 201 {"report": …} when signed with SCREENING_SECRET, else 401
//   GET  /screening-reports  → {"reports": [{received-at, body}, …], "rejected": <unsigned or badly signed posts>}
//
// Environment: APPLICANTS_PORT (default 4010; 0 picks a free one), SCREENING_SECRET (default whsec_screening_example,
// the value run.sh stores as the `screening-hook` secret). Prints `listening on http://127.0.0.1:<port>` once ready.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.env.APPLICANTS_PORT ?? 4010);
const secret = process.env.SCREENING_SECRET || 'whsec_screening_example';
const signatureHeader = 'casework-signature';
/** A signature older (or newer) than this is refused, as Persona's receivers do against replays. */
const toleranceSeconds = 300;
const maxBodyBytes = 64 * 1024;

// Each with the Persona inquiry it came from (its case attaches it). Risk 0–100; 70 and above is high (the
// workflow's high-risk branch calls the escalation sub-workflow).
const applicants = [
  { id: 'app_001', inquiryId: 'inq_Ada001', name: 'Ada Keller', country: 'DE', risk: 12 },
  { id: 'app_002', inquiryId: 'inq_Bruno002', name: 'Bruno Marchetti', country: 'IT', risk: 78 },
  { id: 'app_003', inquiryId: 'inq_Chloe003', name: 'Chloé Durand', country: 'FR', risk: 35 },
  { id: 'app_004', inquiryId: 'inq_Dmitri004', name: 'Dmitri Volkov', country: 'CY', risk: 91 },
  { id: 'app_005', inquiryId: 'inq_Emma005', name: 'Emma Jansen', country: 'NL', risk: 8 },
  { id: 'app_006', inquiryId: 'inq_Farid006', name: 'Farid Haddad', country: 'AE', risk: 70 },
  { id: 'app_007', inquiryId: 'inq_Grace007', name: 'Grace Okafor', country: 'GB', risk: 44 },
];

const reports = [];
let rejected = 0;

/** Why the signature header does not vouch for `body`, or null when it does. */
function signatureProblem(header, body, nowSeconds) {
  if (typeof header !== 'string') return `no ${signatureHeader} header`;
  const parts = Object.fromEntries(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'not t=<unix seconds>,v1=<hex>';
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return `timestamp ${t} is more than ${toleranceSeconds} s off`;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? null : 'the HMAC does not match';
}

function send(response, status, document) {
  const text = JSON.stringify(document);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error(`body over ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const route = `${request.method} ${pathname}`;
  try {
    if (route === 'GET /applicants') return send(response, 200, { applicants });
    if (route === 'GET /screening-reports') return send(response, 200, { reports, rejected });
    if (route === 'POST /screening-reports') {
      const body = await readBody(request);
      const problem = signatureProblem(request.headers[signatureHeader], body, Date.now() / 1000);
      if (problem) {
        rejected += 1;
        console.log(`refused a report: ${problem}`);
        return send(response, 401, { error: `bad signature: ${problem}` });
      }
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(response, 400, { error: 'the body is not JSON' });
      }
      const report = { 'received-at': new Date().toISOString(), body: parsed };
      reports.push(report);
      console.log(`report received: ${body}`);
      return send(response, 201, { report });
    }
    return send(response, 404, { error: `no route ${route}` });
  } catch (error) {
    return send(response, 400, { error: error instanceof Error ? error.message : String(error) });
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
