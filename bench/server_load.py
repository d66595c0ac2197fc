"""A bounded load test of `mtqa serve` on 127.0.0.1: N concurrent clients, each sending a fixed
number of LanguageTool `/v2/check` requests with a ~300-word article, then the server stops.

    python bench/server_load.py [--clients 4] [--requests 25] [--workers 2]

Reports requests per second, p50/p95 latency, errors (must be 0) and the server's peak memory.
The server runs in a subprocess (`mtqa serve`), so its RSS is its own; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def article(words: int = 300) -> str:
    """About ``words`` words of the guard texts (the project's own writing), with two planted
    artifacts so that every response carries findings."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "guard" / "pt_BR").glob("*.txt"))[:3])
    out = " ".join(text.split()[:words])
    return "O líder norte -coreano chegou ontem , cansado. " + out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=25, help="requests per client")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120.0, help="the whole run stops after this")
    args = ap.parse_args()

    port = free_port()
    env = dict(os.environ)
    server = subprocess.Popen([sys.executable, "-m", "mtqa", "serve", "--isolated", "--port", str(port),
                               "--workers", str(args.workers), "--max-waiting", str(args.clients * 2)],
                              cwd=ROOT, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/health", timeout=2).read()
            break
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)

    body = urllib.parse.urlencode({"text": article(), "language": "pt-BR"}).encode()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.time() + args.timeout

    def client() -> None:
        for _ in range(args.requests):
            if time.time() > stop_at:
                return
            t0 = time.perf_counter()
            try:
                req = urllib.request.Request(url + "/v2/check", data=body, method="POST")
                with urllib.request.urlopen(req, timeout=60) as r:
                    matches = json.loads(r.read())["matches"]
                ok = any(m["rule"]["id"] == "S101" for m in matches)
                with lock:
                    latencies.append(time.perf_counter() - t0)
                    if not ok:
                        errors.append("S101 missing from a response")
            except Exception as exc:  # noqa: BLE001 - counted, the run goes on
                with lock:
                    errors.append(repr(exc))

    # One warm-up request loads the engine's providers (the language model, the dictionaries).
    urllib.request.urlopen(urllib.request.Request(url + "/v2/check", data=body, method="POST"), timeout=120).read()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.timeout + 60)
    wall = time.perf_counter() - t0
    rss = peak_rss_mb(server.pid)
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()

    lat = sorted(latencies)
    p = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000) if lat else (lambda q: float("nan"))
    print(f"{args.clients} clients x {args.requests} requests, {args.workers} server workers, "
          f"article of {len(article().split())} words")
    print(f"requests: {len(lat)} ok, {len(errors)} errors in {wall:.1f} s = {len(lat) / wall:.1f} requests/s")
    print(f"latency: p50 {p(0.50):.0f} ms, p95 {p(0.95):.0f} ms, mean {statistics.fmean(lat) * 1000 if lat else 0:.0f} ms")
    print(f"server peak RSS: {rss:.0f} MB")
    if errors:
        print("first errors:", errors[:3])
        sys.exit(1)


if __name__ == "__main__":
    main()
