// Counts and times every request Azurite answers, by kind (method and path, with ids and numbers
// folded), for the request figures in docs/benchmarks.md. Two uses:
//
//   Record: SOLIDAY_AZURITE_REQUESTS=/some/folder NODE_OPTIONS="--require $PWD/tests/Soliday.Benchmarks/tools/azurite-requests.js" \
//             dotnet run -c Release --project tests/Soliday.Benchmarks -- submissions 200 EX__jpg_Canon_40D.jpg 1
//           Every Azurite process started then writes its running totals to the folder every 3 s
//           (<pid>-<unix ms>.json); other Node processes ignore this file.
//   Read:   node tests/Soliday.Benchmarks/tools/azurite-requests.js /some/folder <pid> [from unix ms] [to unix ms]
//           The requests of that Azurite (all of them, or those between two moments), by kind:
//           count, mean time from arrival to answer, and total.
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const kindOf = (request) => {
  const [route, query = ""] = request.url.split("?");
  const folded = decodeURIComponent(route).replace(/\([^)]*\)/g, "(…)").replace(/[0-9a-f]{8,}(-[0-9a-f]{4,})*/gi, "#").replace(/\d+/g, "N");
  const kept = query.split("&").filter((p) => /^(comp|restype)=/.test(p)).join("&");
  return `${request.method} ${folded}${kept ? "?" + kept : ""}`;
};

const folder = process.env.SOLIDAY_AZURITE_REQUESTS;
if (require.main !== module && folder && process.argv.some((a) => a.endsWith("azurite.js"))) {
  const totals = new Map();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function countAndTime(event, request, response, ...rest) {
    if (event === "request") {
      const kind = kindOf(request);
      const arrived = process.hrtime.bigint();
      response.on("finish", () => {
        const total = totals.get(kind) ?? [0, 0];
        total[0] += 1;
        total[1] += Number(process.hrtime.bigint() - arrived) / 1e6;
        totals.set(kind, total);
      });
    }

    return emit.call(this, event, request, response, ...rest);
  };
  fs.mkdirSync(folder, { recursive: true });
  const write = () => fs.writeFileSync(path.join(folder, `${process.pid}-${Date.now()}.json`), JSON.stringify([...totals]));
  setInterval(write, 3000).unref();
  process.on("exit", write); // the last seconds too, when Azurite stops with the benchmark
}

if (require.main === module) {
  const [dir, pid, from, to] = process.argv.slice(2);
  const snapshots = fs.readdirSync(dir).filter((f) => f.startsWith(`${pid}-`))
    .map((f) => ({ at: Number(f.slice(pid.length + 1, -5)), file: path.join(dir, f) })).sort((a, b) => a.at - b.at);
  const nearest = (at) => snapshots.reduce((best, s) => (Math.abs(s.at - at) < Math.abs(best.at - at) ? s : best));
  const load = (s) => new Map(s ? JSON.parse(fs.readFileSync(s.file, "utf8")) : []);
  const before = from ? load(nearest(Number(from))) : new Map();
  const after = load(to ? nearest(Number(to)) : snapshots.at(-1));
  const rows = [...after].map(([kind, [n, ms]]) => {
    const [n0, ms0] = before.get(kind) ?? [0, 0];
    return { kind, n: n - n0, ms: ms - ms0 };
  }).filter((r) => r.n > 0).sort((a, b) => b.ms - a.ms);
  for (const r of rows) console.log(`${String(r.n).padStart(7)} ${(r.ms / r.n).toFixed(1).padStart(7)} ms ${r.ms.toFixed(0).padStart(8)} ms  ${r.kind}`);
}
