-- wrk script of bench/mockd_throughput.py. The bearer token comes from the environment, so it is
-- never on a command line or in any output. At the end, one machine-readable line for the runner.
local auth = os.getenv("VIGIL_BENCH_AUTHORIZATION")

function init(args)
    if auth ~= nil and auth ~= "" then
        wrk.headers["Authorization"] = auth
    end
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format(
        "BENCH_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d bytes=%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, summary.errors.status, failed, summary.bytes))
end
