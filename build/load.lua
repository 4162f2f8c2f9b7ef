-- wrk script for build/load.sh, with the headers a Kibana client sends. LOAD_WORKLOAD chooses the requests:
--   create (default): POSTs one request body (LOAD_BODY_FILE) to /api/cases;
--   find:  GET /api/cases/_find?tags=tag-<n>&perPage=20, n cycling over LOAD_TAGS tags;
--   patch: PATCH /api/cases with one case of LOAD_CASES_FILE (lines "id version"), cycling over them, a new
--          title each time, with the version the previous answer for that case gave (so every patch is current);
--          the versions are written back to the file when the run ends, for the next run;
--   get:   GETs the URL wrk is given (the GET row: one case, with its query).
-- Prints one machine-readable RESULT line when the run ends.
local workload = os.getenv("LOAD_WORKLOAD") or "create"

-- Kibana's clients send kbn-xsrf on every request but a GET.
if workload ~= "get" then
  wrk.headers["kbn-xsrf"] = "true"
end
local authorization = os.getenv("LOAD_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

if workload == "get" then
  wrk.method = "GET"
elseif workload == "create" then
  local file = assert(io.open(assert(os.getenv("LOAD_BODY_FILE"), "LOAD_BODY_FILE is not set"), "rb"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
elseif workload == "find" then
  local tags = tonumber(os.getenv("LOAD_TAGS") or "10")
  local n = 0
  function request()
    n = n + 1
    return wrk.format("GET", "/api/cases/_find?tags=tag-" .. (n % tags) .. "&perPage=20")
  end
elseif workload == "patch" then
  -- Globals: the end of the run reads the threads' versions (thread:get) to write them back.
  ids, versions = {}, {}
  -- (assert returns its message too, which io.lines would take for a read format: keep the path apart.)
  local cases_file = assert(os.getenv("LOAD_CASES_FILE"), "LOAD_CASES_FILE is not set")
  for line in io.lines(cases_file) do
    local id, version = line:match("^(%S+) (%S+)$")
    if id then
      ids[#ids + 1] = id
      versions[id] = version
    end
  end
  assert(#ids > 0, "LOAD_CASES_FILE has no cases")
  -- wrk threads take turns (thread k patches cases k, k + T, ...), so no case is patched by two at once.
  local stride = tonumber(os.getenv("LOAD_THREADS") or "1")
  thread_index = 0
  local n = 0
  -- Titles unique across runs too (the warm-up patched the same cases): an identical update would be a 406.
  local run = tostring(os.time())
  wrk.headers["Content-Type"] = "application/json"
  function request()
    n = n + 1
    local id = ids[((n * stride + thread_index) % #ids) + 1]
    local body = '{"cases":[{"id":"' .. id .. '","version":"' .. versions[id] .. '","title":"patched ' .. run .. ' ' .. n .. '"}]}'
    return wrk.format("PATCH", "/api/cases", nil, body)
  end
  function response(status, headers, body)
    if status == 200 then
      local id = body:match('"id":"([^"]+)"')
      local version = body:match('"version":"([^"]+)"')
      if id and version then
        versions[id] = version
      end
    end
  end
else
  error("unknown LOAD_WORKLOAD " .. workload .. " (create, find, patch or get)")
end

local threads = {}
function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  if workload == "patch" then
    for _, thread in ipairs(threads) do
      for id, version in pairs(thread:get("versions")) do
        versions[id] = version
      end
    end
    local file = assert(io.open(os.getenv("LOAD_CASES_FILE"), "w"))
    for _, id in ipairs(ids) do
      file:write(id, " ", versions[id], "\n")
    end
    file:close()
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
