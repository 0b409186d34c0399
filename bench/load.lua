-- wrk script of bench/load.py: GET each path of a list in turn, as a browser or a partner
-- site would behind the TLS load balancer (X-Forwarded-Proto: https).
--
--   wrk -t2 -c200 -d60s --timeout 10s -s bench/load.lua http://127.0.0.1:PORT -- PATHS [DELAY_MS]
--
-- PATHS is a file with one path per line (a path listed twice is requested twice as
-- often); DELAY_MS, if given, is a pause before each request on each connection (a
-- steady, moderate load for the soak). done() prints one line, "RESULT {json}", that
-- bench/load.py reads.

local paths = {}
local next_index = 1
local pause = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  pause = tonumber(args[2] or "0")
  -- Each wrk thread starts at its own place in the list, so the mix is even from the start.
  next_index = ((id or 1) * 7) % #paths + 1
  wrk.headers["X-Forwarded-Proto"] = "https"
  wrk.headers["Accept-Language"] = "en"
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean
  ))
end
