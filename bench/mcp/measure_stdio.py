#!/usr/bin/env python3
"""Latency of the MCP stdio wrapper, with real processes: the SDK-built test server alone, then behind
`palisade mcp`. Prints the initialize round trip (process start included) and the median / p95 of sequential
tools/call round trips. Usage: measure_stdio.py PALISADE_DLL TEST_SERVER_DLL [CALLS]"""
import json, os, statistics, subprocess, sys, tempfile, time

palisade, server, calls = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 300
scenario = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
json.dump({"tools": [{"name": "search", "description": "Search the docs.", "inputSchema": {"type": "object", "properties": {"query": {"type": "string"}}}}],
           "results": {"search": "Passage 3: configure the build with make. " * 20}}, scenario)
scenario.close()
home = tempfile.mkdtemp()

def run(argv):
    env = dict(os.environ, PALISADE_HOME=home)
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, bufsize=1)
    def rpc(i, method, params):
        p.stdin.write(json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}) + "\n"); p.stdin.flush()
        while True:
            m = json.loads(p.stdout.readline())
            if m.get("id") == i: return m
    t0 = time.perf_counter()
    rpc(0, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}})
    init = time.perf_counter() - t0
    p.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n"); p.stdin.flush()
    rpc(1, "tools/list", {})
    for i in range(50): rpc(100 + i, "tools/call", {"name": "search", "arguments": {"query": "warm"}})
    times = []
    for i in range(calls):
        t = time.perf_counter()
        rpc(1000 + i, "tools/call", {"name": "search", "arguments": {"query": f"build step {i}"}})
        times.append((time.perf_counter() - t) * 1000)
    p.stdin.close(); p.wait(timeout=30)
    times.sort()
    return init * 1000, statistics.median(times), times[int(len(times) * 0.95)]

for label, argv in [("server alone", ["dotnet", server, scenario.name]),
                    ("through palisade mcp", ["dotnet", palisade, "mcp", "--name", "bench", "--", "dotnet", server, scenario.name])]:
    init, median, p95 = run(argv)
    print(f"{label:24} initialize {init:7.1f} ms   tools/call median {median:6.2f} ms   p95 {p95:6.2f} ms")
