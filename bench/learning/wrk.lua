-- wrk script of bench/learning.sh. Environment:
--   MODE      heartbeat | live          (what each request is)
--   LEARNERS  file of learners, one per line: lessonId<TAB>playbackId<TAB>token<TAB>cookie header
--   THREADS   wrk's -t (each thread takes every THREADS-th learner)
--   STATE     heartbeat state field (default playing; "bogus" makes the app answer 400 before its query)
--   PLAYBACK  "unknown": send an id no playback has (the app answers 404 after its query, writes nothing)
-- A heartbeat thread goes round its own learners in turn. Run it with one connection a thread
-- (-t N -c N): then a thread has one request in flight, and a playback never has two (its heartbeats
-- are serialised by a concurrency token). With several connections a thread, a slow request can be
-- overtaken by any number of fast ones and its learner come round again while it is in flight.
-- Each learner's position grows by 1 s a heartbeat. Every status is counted; done() prints one RESULT line for bench/learning.sh.

local mode = os.getenv("MODE") or "heartbeat"
local threads = {}
local created = 0

function setup(thread)
   thread:set("id", created)
   created = created + 1
   table.insert(threads, thread)
end

local function urlencode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
   statuses = {}
   learners = {}
   next_learner = 0
   if mode == "live" then
      live_request = wrk.format("GET", wrk.path)
      return
   end
   local nthreads = tonumber(os.getenv("THREADS") or "1")
   local state = os.getenv("STATE") or "playing"
   local unknown = os.getenv("PLAYBACK") == "unknown"
   local i = 0
   for line in io.lines(os.getenv("LEARNERS")) do
      if i % nthreads == id then
         local lesson, playback, token, cookie = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.+)$")
         if unknown then playback = "bench-no-such-playback" end
         table.insert(learners, {
            prefix = "lessonId=" .. lesson .. "&playbackId=" .. urlencode(playback) .. "&position=",
            suffix = "&state=" .. state,
            position = 0,
            headers = {
               ["Content-Type"] = "application/x-www-form-urlencoded",
               ["RequestVerificationToken"] = token,
               ["Cookie"] = cookie,
            },
         })
      end
      i = i + 1
   end
   if #learners == 0 then error("thread " .. id .. ": no learners in " .. tostring(os.getenv("LEARNERS"))) end
end

function request()
   if mode == "live" then return live_request end
   next_learner = next_learner % #learners + 1
   local l = learners[next_learner]
   l.position = l.position + 1
   return wrk.format("POST", wrk.path, l.headers, l.prefix .. l.position .. l.suffix)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local all, non2xx = {}, 0
   for _, t in ipairs(threads) do
      for status, n in pairs(t:get("statuses")) do
         all[status] = (all[status] or 0) + n
         if status < 200 or status > 299 then non2xx = non2xx + n end
      end
   end
   local keys = {}
   for status in pairs(all) do table.insert(keys, status) end
   table.sort(keys)
   local parts = {}
   for _, status in ipairs(keys) do table.insert(parts, status .. ":" .. all[status]) end
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d statuses=%s\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      non2xx, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout,
      #parts > 0 and table.concat(parts, ",") or "none"))
end
