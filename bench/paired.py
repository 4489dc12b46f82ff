#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Times two commands in pairs: A B A B ..., so that both see the same machine.

usage: python3 paired.py PAIRS WARMUP A_NAME A_COMMAND B_NAME B_COMMAND

Runs A then B WARMUP times uncounted (the inputs into the page cache, the outputs' pages
taken once), then PAIRS times A then B. Each run as the peers' timeit.py measures it: a
monotonic wall clock around spawn..reap, user + system CPU time and peak RSS from wait4()
(the child and the descendants it waited for); stdin, stdout and stderr are /dev/null. Each
pair gives the ratios A/B of wall and of CPU time; below 1, A is faster.

Each run goes to stderr as it ends; stdout gets one tab-separated line:
A B pairs wall-ratio(median min max) cpu-ratio(median min max) A-wall B-wall A-cpu B-cpu
(medians, s) A-peak B-peak (highest, MiB) load-start load-end ok
where ok is "yes" if every run exited 0. Standard library only.
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def run(command):
    t0 = time.monotonic()
    p = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    pairs, warmup = int(sys.argv[1]), int(sys.argv[2])
    names = sys.argv[3], sys.argv[5]
    commands = shlex.split(sys.argv[4]), shlex.split(sys.argv[6])
    start = load()
    for _ in range(warmup):
        for command in commands:
            run(command)
    figures = ([], [])
    for i in range(pairs):
        for side in (0, 1):
            wall, cpu, mib, code = run(commands[side])
            figures[side].append((wall, cpu, mib, code))
            print(f"  pair {i + 1}: {names[side]} wall {wall:.3f} s, cpu {cpu:.3f} s, peak {mib:.0f} MiB, "
                  f"exit {code} (load {load()})", file=sys.stderr)
    a, b = figures
    wall_ratios = [x[0] / y[0] for x, y in zip(a, b)]
    cpu_ratios = [x[1] / y[1] if y[1] > 0 else float("nan") for x, y in zip(a, b)]
    med = statistics.median
    ok = all(r[3] == 0 for r in a + b)
    fields = [names[0], names[1], pairs,
              med(wall_ratios), min(wall_ratios), max(wall_ratios),
              med(cpu_ratios), min(cpu_ratios), max(cpu_ratios),
              med(x[0] for x in a), med(y[0] for y in b), med(x[1] for x in a), med(y[1] for y in b),
              max(x[2] for x in a), max(y[2] for y in b), start, load(), "yes" if ok else "no"]
    print("\t".join(f"{f:.4f}" if isinstance(f, float) else str(f) for f in fields))


if __name__ == "__main__":
    main()
