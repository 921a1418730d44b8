#!/usr/bin/env python3
"""A loopback stand-in for Yahoo and Stooq in the market-data benchmarks (never the network).

Usage: provider_stub.py PORT YAHOO_MODE [STOOQ_DELAY_MS] [CHART_DELAY_MS]
  YAHOO_MODE: ok (answers at once), fail (HTTP 500), hang (answers after 30 s)
  CHART_DELAY_MS: how long each Yahoo chart (quote or bars) answer takes in mode ok, default 0
Every request is counted; GET /count answers the totals as JSON.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

PORT = int(sys.argv[1])
YAHOO_MODE = sys.argv[2]
STOOQ_DELAY = int(sys.argv[3]) / 1000 if len(sys.argv) > 3 else 0
CHART_DELAY = int(sys.argv[4]) / 1000 if len(sys.argv) > 4 else 0
counts = {"chart": 0, "stooq": 0, "search": 0}
lock = threading.Lock()


def chart(symbol):
    return json.dumps({"chart": {"result": [{"meta": {
        "currency": "USD", "symbol": symbol, "exchangeTimezoneName": "America/New_York",
        "regularMarketPrice": 202.67, "chartPreviousClose": 201.45, "regularMarketTime": 1749585601},
        "timestamp": [], "indicators": {"quote": [{}]}}], "error": None}})


class Stub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, kind="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/count":
            with lock:
                return self.answer(200, json.dumps(counts))
        if url.path == "/v1/finance/search":
            with lock:
                counts["search"] += 1
            symbol = url.query.split("q=")[1].split("&")[0]
            return self.answer(200, json.dumps({"quotes": [{"symbol": symbol, "quoteType": "EQUITY",
                                                            "longname": symbol + " Corp", "exchDisp": "NASDAQ"}]}))
        if url.path.startswith("/v8/finance/chart/"):
            with lock:
                counts["chart"] += 1
            if YAHOO_MODE == "fail":
                return self.answer(500, "{}")
            if YAHOO_MODE == "hang":
                time.sleep(30)
            time.sleep(CHART_DELAY)
            return self.answer(200, chart(url.path.rsplit("/", 1)[1]))
        if url.path == "/q/l/":
            with lock:
                counts["stooq"] += 1
            time.sleep(STOOQ_DELAY)
            symbol = url.query.split("s=")[1].split("&")[0].upper()
            return self.answer(200, "Symbol,Date,Time,Open,High,Low,Close,Volume\r\n" + symbol
                               + ",2025-06-10,22:00:09,200.6,204.35,200.57,202.67,54672608\r\n", "text/csv")
        self.answer(404, "{}")


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Stub).serve_forever()
