-- wrk script for scripts/bench-mcp-http.sh: tools/call get_quote over Streamable HTTP, round-robin over
-- pre-made MCP sessions (MCP_SESSIONS, comma-separated) with the API key MCP_KEY; counts answers
-- that carry structuredContent and are not isError, and prints p50/p90/p99/p99.9/max. MCP_THINK_MS:
-- each client's pause between an answer and its next call.
local key = os.getenv("MCP_KEY")
local sessions = {}
for s in string.gmatch(os.getenv("MCP_SESSIONS"), "[^,]+") do sessions[#sessions + 1] = s end
local body = '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_quote","arguments":{"symbol":"AAPL"}}}'
local think = tonumber(os.getenv("MCP_THINK_MS") or "0")
local n = 0
bad = 0
good = 0
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
request = function()
  n = n + 1
  local headers = {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json, text/event-stream",
    ["Mcp-Session-Id"] = sessions[(n % #sessions) + 1],
    ["MCP-Protocol-Version"] = "2025-11-25",
  }
  return wrk.format("POST", "/mcp", headers, body)
end
-- A client's pause between an answer and its next call (0: back to back, the server saturated).
if think > 0 then
  delay = function() return think end
end

response = function(status, headers, body)
  if status ~= 200 or not string.find(body, "structuredContent", 1, true) or string.find(body, '"isError":true', 1, true) then
    bad = bad + 1
  else
    good = good + 1
  end
end
done = function(summary, latency, requests)
  local g, b = 0, 0
  for _, t in ipairs(threads) do g = g + t:get("good"); b = b + t:get("bad") end
  io.write(string.format("answers with structuredContent: %d, failed or errors: %d, socket errors: %d\n", g, b,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
