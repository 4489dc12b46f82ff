#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A killed `screen --output` leaves the old output byte for byte and no temporary file.

Usage: check_killed_output.py FUNDSCREEN_BINARY REPO_ROOT [ROWS]

Makes ROWS applications (default 300,000) of the peer job (bench/peer-job.yaml) by repeating
the 82 rows of tests/cli/peer-job-82/ under new ids, with their two long texts cut short so
that the file is made in a second (bench/gen_sitra.py would take 12 s for as many rows), and
screens them once to a new file (the expected output; its duration T places the kills). Then,
over an existing output:

- the unnamed temporary file (O_TMPFILE): SIGTERM and SIGKILL at seeded random points in the
  run, and each once more as soon as the temporary file holds some of the output;
- the named fallback (FUNDSCREEN_NO_TMPFILE=1): SIGTERM, SIGINT and SIGHUP the same way;

and after every kill checks that the run ended killed by that signal, that the old output is
byte-identical (or, for a signal that came after the rename, while the process was ending,
the complete new output), and that neither the output's folder nor $TMPDIR holds anything
else. Last, a run that is not killed (in each mode) replaces the old output with the
expected bytes.
"""

import csv
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

SEED = 16
POINTS = 3  # random kill points per signal, besides the one while writing
OLD = b"id,decision\nOLD-1,fund\n"


def generate(root, path, rows):
    with open(os.path.join(root, "tests/cli/peer-job-82/apps_82.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        records = list(reader)
    tails = []
    for record in records:
        record[-2] = record[-2][:40]  # problem
        record[-1] = record[-1][:40]  # evidence
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(record[1:])
        tails.append(line.getvalue())
    with open(path, "w", newline="", encoding="utf-8") as out:
        out.write(",".join(header) + "\n")
        for start in range(0, rows, 10000):
            out.write("".join(f"A{i + 1:07d},{tails[i % len(tails)]}" for i in range(start, min(rows, start + 10000))))


def default_signals():
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)


class Runs:
    def __init__(self, binary, root, work):
        self.root = root
        self.apps = os.path.join(work, "apps.csv")
        self.out_dir = os.path.join(work, "out")
        self.tmp_dir = os.path.join(work, "tmp")
        self.output = os.path.join(self.out_dir, "decisions.csv")
        os.mkdir(self.out_dir)
        os.mkdir(self.tmp_dir)
        self.binary = binary
        self.failures = []
        self.landed = 0  # kills before the output was replaced
        self.mid_write = set()  # the modes (named or not) with a kill that landed while writing

    def start(self, output, named):
        env = dict(os.environ, TMPDIR=self.tmp_dir, LC_ALL="C.UTF-8")
        env.pop("FUNDSCREEN_NO_TMPFILE", None)
        if named:
            env["FUNDSCREEN_NO_TMPFILE"] = "1"
        command = [self.binary, "screen", self.apps, "--criteria", "bench/peer-job.yaml", "--format", "csv",
                   "--output", output]
        return subprocess.Popen(command, cwd=self.root, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, preexec_fn=default_signals)

    def temporary_size(self, pid):
        """The size of the file the run holds open in the output's folder, or None."""
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}").startswith(self.out_dir + "/"):
                    return os.stat(f"/proc/{pid}/fd/{fd}").st_size
        except OSError:
            pass
        return None

    def reset(self):
        with open(self.output, "wb") as f:
            f.write(OLD)

    def check_left(self, what):
        for folder, expected in ((self.out_dir, ["decisions.csv"]), (self.tmp_dir, [])):
            left = sorted(os.listdir(folder))
            if left != expected:
                self.failures.append(f"{what}: {folder} holds {left}, expected {expected}")
                for name in set(left) - set(expected):  # so that the next runs are checked alone
                    os.remove(os.path.join(folder, name))

    def kill(self, sig, named, expected, delay=None):
        """Kills a run after `delay` seconds, or (None) as soon as its temporary file holds output."""
        what = f"{'named' if named else 'unnamed'} {signal.Signals(sig).name} " + (
            f"at {delay:.3f} s" if delay is not None else "while writing")
        self.reset()
        run = self.start(self.output, named)
        if delay is None:
            while run.poll() is None and not self.temporary_size(run.pid):
                time.sleep(0.001)
        else:
            time.sleep(delay)
        if run.poll() is None:
            run.send_signal(sig)
        run.communicate()
        if run.returncode == 0:  # finished first (a busy machine): the kill did not land
            print(f"{what}: finished before the signal")
            self.reset()
            return
        if run.returncode != -sig:
            self.failures.append(f"{what}: exit {run.returncode}, expected killed by {signal.Signals(sig).name}")
        with open(self.output, "rb") as f:
            content = f.read()
        if content == OLD:
            print(f"{what}: exit {run.returncode}, the old output kept")
            self.landed += 1
            if delay is None:
                self.mid_write.add(named)
        elif content == expected:  # the signal came between the rename and the exit
            print(f"{what}: exit {run.returncode}, after the output was complete and in place")
        else:
            self.failures.append(f"{what}: the output is neither the old one nor the new one")
        self.check_left(what)

    def replace(self, named, expected):
        self.reset()
        run = self.start(self.output, named)
        _, err = run.communicate()
        what = f"{'named' if named else 'unnamed'} run not killed"
        if run.returncode != 0:
            self.failures.append(f"{what}: exit {run.returncode}: {err.decode()}")
        with open(self.output, "rb") as f:
            if f.read() != expected:
                self.failures.append(f"{what}: the output is not the expected one")
        self.check_left(what)


def main():
    binary, root = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 300_000
    random.seed(SEED)
    with tempfile.TemporaryDirectory(prefix="fundscreen-killed-") as work:
        runs = Runs(binary, root, work)
        generate(root, runs.apps, rows)
        expected_path = os.path.join(work, "expected.csv")
        began = time.monotonic()
        first = runs.start(expected_path, False)
        _, err = first.communicate()
        duration = time.monotonic() - began
        if first.returncode != 0:
            sys.exit(f"the run not killed failed: exit {first.returncode}: {err.decode()}")
        with open(expected_path, "rb") as f:
            expected = f.read()
        os.remove(expected_path)
        print(f"{rows} applications, {len(expected)} bytes of output in {duration:.2f} s")

        plan = [(False, signal.SIGTERM), (False, signal.SIGKILL), (True, signal.SIGTERM), (True, signal.SIGINT),
                (True, signal.SIGHUP)]
        for named, sig in plan:
            runs.kill(sig, named, expected)
            for _ in range(POINTS):
                runs.kill(sig, named, expected, random.uniform(0, 0.9 * duration))
        runs.replace(False, expected)
        runs.replace(True, expected)

        if runs.landed < len(plan) * 2:
            runs.failures.append(f"only {runs.landed} kills landed before the output was replaced")
        if runs.mid_write != {False, True}:
            runs.failures.append("no kill landed while the temporary file was being written in each mode")
        for failure in runs.failures:
            print("FAIL:", failure)
        sys.exit(1 if runs.failures else 0)


if __name__ == "__main__":
    main()
