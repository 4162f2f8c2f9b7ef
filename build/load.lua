-- wrk script for build/load.sh: POSTs one request body (LOAD_BODY_FILE) to /api/cases with the headers a
-- Kibana client sends, and prints one machine-readable RESULT line when the run ends.
local body_file = assert(os.getenv("LOAD_BODY_FILE"), "LOAD_BODY_FILE is not set")
local file = assert(io.open(body_file, "rb"))
wrk.body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["kbn-xsrf"] = "true"
local authorization = os.getenv("LOAD_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
