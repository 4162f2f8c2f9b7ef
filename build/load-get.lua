-- wrk script for build/load.sh, the GET row ((g), (h)): GETs the URL wrk is given (a case, with its query) with
-- the headers a Kibana client sends, and prints one machine-readable RESULT line when the run ends.
wrk.method = "GET"
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
