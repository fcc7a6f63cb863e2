"""Load `sipgen serve`: many people uploading the medium benchmark plan at the same moment.

    python bench/bench_web.py [--users 20] [--size M] [--route check]

Starts `sipgen serve --no-browser` on a free port of 127.0.0.1, then sends ``--users`` uploads
of the plan bench/bench.py generates, all at once, each from its own thread (a user). Every
answer must be right: a 200 with the plan's findings page (or, for --route word, a Word file
that opens). Prints each route's median and p95 latency and the server's peak memory
(VmHWM). Goal: p95 under 3 seconds on 2 cores and under 500 MB.
"""

from __future__ import annotations

import argparse
import io
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import make_plans  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "sipgen", "serve", "--no-browser", "--port", str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("sipgen serve did not start")


def csrf_cookie(base: str) -> str:
    """The CSRF token a browser gets with the start page (the form must carry the same)."""
    with urllib.request.urlopen(base) as response:
        cookie = response.headers.get("set-cookie", "")
    return re.search(r"sipgen_csrf=([^;]+)", cookie).group(1)


def upload(base: str, route: str, plan: Path, csrf: str) -> tuple[float, int, bytes]:
    """One user's upload: (seconds, status, body)."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="workbook"; filename="{plan.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + plan.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(f"{base}{route}", data=body, method="POST")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    request.add_header("Cookie", f"sipgen_csrf={csrf}")
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        data = response.read()
        return time.perf_counter() - started, response.status, data


def correct(route: str, plan: Path, status: int, body: bytes) -> bool:
    if status != 200:
        return False
    if route == "word":
        from docx import Document

        return bool(Document(io.BytesIO(body)).paragraphs)
    return f"Findings in {plan.name}".encode() in body


def round_of(base: str, route: str, plan: Path, users: int) -> list[float]:
    """Every user's latency, all sent at once (a barrier starts them together)."""
    csrf = csrf_cookie(base)
    barrier = threading.Barrier(users)
    times: list[float] = []
    wrong: list[str] = []

    def user():
        barrier.wait()
        try:
            seconds, status, body = upload(base, f"/{route}", plan, csrf)
        except OSError as exc:
            wrong.append(str(exc))
            return
        times.append(seconds)
        if not correct(route, plan, status, body):
            wrong.append(f"status {status}")

    threads = [threading.Thread(target=user) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if wrong:
        raise SystemExit(f"{len(wrong)} of {users} answers were wrong: {wrong[:3]}")
    return times


def peak_mb(pid: int) -> float:
    """The peak resident memory of the server and its worker processes, added up."""
    total = 0
    for one in [pid, *descendants(pid)]:
        status = Path(f"/proc/{one}/status").read_text()
        total += int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    return total / 1024


def descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += [int(child), *descendants(int(child))]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--size", default="M")
    parser.add_argument("--route", action="append", choices=["check", "word"], help="default: check, then word")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        plan = make_plans(Path(folder), [args.size])[args.size]
        server = start_server(port)
        try:
            base = f"http://127.0.0.1:{port}"
            for route in args.route or ["check", "word"]:
                # Warm, as a server is after its first visitors: the first upload starts the worker
                # processes (each imports the document code as it starts).
                upload(base, f"/{route}", plan, csrf_cookie(base))
                time.sleep(3)  # the other workers finish starting; idle, they cost nothing
                times = sorted(round_of(base, route, plan, args.users))
                p95 = times[max(0, round(0.95 * len(times)) - 1)]
                print(
                    f"{args.users} concurrent /{route} of the {args.size} plan ({plan.stat().st_size // 1024} KB): "
                    f"all correct; median {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s"
                )
            print(f"server peak memory, with its workers: {peak_mb(server.pid):.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
