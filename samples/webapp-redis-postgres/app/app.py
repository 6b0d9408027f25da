"""A small web app: counts visits in Redis and stores each visit in PostgreSQL.

GET /        increments the counter, records the visit, answers one line of text
GET /count   answers {"redis": <counter>, "postgres": <rows>} without counting
GET /healthz answers "ok" when both servers answer
Configured by the libpq variables (PGHOST, PGUSER, PGPASSWORD, PGDATABASE) and
REDIS_HOST / REDIS_PORT / PORT.
"""
import json
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import redis

REDIS = redis.Redis(host=os.environ.get("REDIS_HOST", "redis"),
                    port=int(os.environ.get("REDIS_PORT", "6379")),
                    socket_timeout=5)


def connect_db():
    # The servers may still be starting when depends_on is not health-gated: retry.
    deadline = time.time() + 60
    while True:
        try:
            conn = psycopg2.connect("", connect_timeout=5)
            conn.autocommit = True
            return conn
        except psycopg2.OperationalError as e:
            if time.time() > deadline:
                raise
            print(f"waiting for PostgreSQL: {e}".strip(), flush=True)
            time.sleep(1)


DB = connect_db()
with DB.cursor() as cur:
    cur.execute("CREATE TABLE IF NOT EXISTS visits ("
                " n bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())")


def count_rows():
    with DB.cursor() as cur:
        cur.execute("SELECT count(*) FROM visits")
        return cur.fetchone()[0]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/":
            n = REDIS.incr("visits")
            with DB.cursor() as cur:
                cur.execute("INSERT INTO visits (n) VALUES (%s) ON CONFLICT DO NOTHING", (n,))
            self.reply(200, "text/plain",
                       f"Hello from jcompose! This is visit {n}; "
                       f"PostgreSQL holds {count_rows()} visits.\n")
        elif self.path == "/count":
            body = {"redis": int(REDIS.get("visits") or 0), "postgres": count_rows()}
            self.reply(200, "application/json", json.dumps(body) + "\n")
        elif self.path == "/healthz":
            REDIS.ping()
            count_rows()
            self.reply(200, "text/plain", "ok\n")
        else:
            self.reply(404, "text/plain", "not found\n")

    def reply(self, status, kind, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    # As PID 1 the process would ignore SIGTERM and `down` would wait for its timeout.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    port = int(os.environ.get("PORT", "8000"))
    print(f"webapp listening on :{port}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()
