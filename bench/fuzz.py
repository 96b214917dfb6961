"""Fuzz the whole site: tests/test_fuzz.py with 10,000 requests instead of the suite's 2,000.

It prints one line with the number of requests, the server errors (5xx) among them and the
slowest requests, and fails with every server error listed. It runs on the tests' database
(pytest-django creates test_<name> next to the database of DATABASE_URL, or uses the embedded
server); the draws are derandomised, so two runs send the same requests.

    .venv/bin/python bench/fuzz.py
    .venv/bin/python bench/fuzz.py --requests 50000
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000, help="number of requests (10000)")
    args = parser.parse_args()
    env = {**os.environ, "FUZZ_REQUESTS": str(args.requests)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:logging", "tests/test_fuzz.py"]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
