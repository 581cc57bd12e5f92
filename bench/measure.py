#!/usr/bin/env python3
"""Measure whole processes for the benchmark scripts of bench/ (stdlib only; never a test).

    measure.py run LOG LABEL -- CMD [ARG...]   run CMD, append one JSON line to LOG, exit as CMD did
    measure.py table LOG [--vs A:B ...]        medians per label, and the ratios of A to B
    measure.py quiet LOG LOAD_BEFORE           the load around the runs, and whether it was quiet

`run` measures the wall time (to the microsecond), the user and system CPU time of CMD and of the
children it waited for (wait4; GNU time's own, about a millisecond, included) and its peak memory
(max RSS) as GNU time reports it: CMD runs under /usr/bin/time, a small process, since a child
forked by Python would inherit the interpreter's 15 MiB as its high-water mark. To say how quiet
the machine was while CMD ran, it reads /proc/stat and /proc/pressure/cpu before and after: the
CPU time that other processes used during the run (the busy time of every core minus the
process's own), and the share of the run during which some task was waiting for a core. The
1-minute load average is no guide during a run: a run on every core raises it to the number of
cores by itself.
CMD's standard output and error are the caller's: redirect them.

The quiet-machine rule of BENCHMARKS.md: the 1-minute load average below 1 when the benchmark
starts, and the other processes below 1 core during every timed run.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

TICK = os.sysconf("SC_CLK_TCK")
GNU_TIME = "/usr/bin/time"
CORES = os.cpu_count()


def cpu_ticks():
    """(busy, steal) ticks of all cores from /proc/stat; busy excludes idle, iowait and steal."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return user + nice + system + irq + softirq, steal


def cpu_pressure_us():
    """Total microseconds during which some task waited for a core (PSI), or None."""
    try:
        with open("/proc/pressure/cpu") as f:
            return int(f.readline().rsplit("total=", 1)[1])
    except (OSError, IndexError, ValueError):
        return None


def load1():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run(log, label, cmd):
    load = load1()
    busy0, steal0 = cpu_ticks()
    psi0 = cpu_pressure_us()
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        child = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", peak.name, *cmd])
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        busy1, steal1 = cpu_ticks()
        psi1 = cpu_pressure_us()
        child.returncode = os.waitstatus_to_exitcode(status)
        rss_kib = int(peak.read().split()[-1])
    own = usage.ru_utime + usage.ru_stime
    record = {
        "label": label,
        "wall": round(wall, 4),
        "user": round(usage.ru_utime, 4),
        "sys": round(usage.ru_stime, 4),
        "rss_mib": round(rss_kib / 1024, 1),
        "load1": load,
        # /proc/stat counts in ticks (1/100 s): on a run of a few ticks the figure is rough, hence
        # the bounds (0 and every core).
        "others_cores": round(min(CORES, max(0.0, (busy1 - busy0) / TICK - own) / wall), 3),
        "steal_cores": round((steal1 - steal0) / TICK / wall, 3),
        "pressure": None if psi0 is None else round(min(1.0, (psi1 - psi0) / 1e6 / wall), 3),
        "status": child.returncode,
    }
    with open(log, "a") as f:
        f.write(json.dumps(record) + "\n")
    return child.returncode


def records(log):
    with open(log) as f:
        return [json.loads(line) for line in f if line.strip()]


def by_label(log):
    rows = {}
    for r in records(log):
        rows.setdefault(r["label"], []).append(r)
    return rows


def medians(runs):
    """Median wall, CPU (user + system) and peak memory of a label's runs, and its best wall."""
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "cpu": statistics.median(r["user"] + r["sys"] for r in runs),
        "mib": statistics.median(r["rss_mib"] for r in runs),
        "best": min(r["wall"] for r in runs),
        "n": len(runs),
    }


def ratio_line(rows, a, b):
    """A / B: ratios of the medians, and the range of the ratios of the runs paired in order."""
    ma, mb = medians(rows[a]), medians(rows[b])
    pairs = list(zip(rows[a], rows[b]))
    walls = sorted(x["wall"] / y["wall"] for x, y in pairs)
    span = f" (runs paired in order: {walls[0]:.2f} to {walls[-1]:.2f})" if len(pairs) > 1 else ""
    return (f"{a} / {b}: wall {ma['wall'] / mb['wall']:.2f}{span}, CPU {ma['cpu'] / mb['cpu']:.2f}, "
            f"peak memory {ma['mib'] / mb['mib']:.2f}")


def table(log, pairs):
    rows = by_label(log)
    width = max(len(t) for t in rows)
    print(f"{'':{width}}  {'wall s':>8} {'best s':>8} {'CPU s':>8} {'peak MiB':>9}   runs")
    for label, runs in rows.items():
        m = medians(runs)
        print(f"{label:{width}}  {m['wall']:8.3f} {m['best']:8.3f} {m['cpu']:8.3f} {m['mib']:9.1f}   {m['n']}")
    print("(medians of the runs, whole processes: CPU = user + system, peak memory = max RSS)")
    for pair in pairs:
        a, b = pair.split(":")
        if a in rows and b in rows:
            print(ratio_line(rows, a, b))


def quiet(log, load_before):
    runs = records(log)
    others = [r["others_cores"] for r in runs]
    steal = [r["steal_cores"] for r in runs]
    pressure = [r["pressure"] for r in runs if r["pressure"] is not None]
    with open("/proc/loadavg") as f:
        after = " ".join(f.read().split()[:3])
    print(f"load average (1, 5, 15 min): before {load_before}, after {after} "
          "(the figure after includes this benchmark's own processes)")
    line = (f"other processes during the {len(runs)} timed runs: median {statistics.median(others):.2f}, "
            f"max {max(others):.2f} cores")
    if max(steal) >= 0.01:
        line += f"; stolen by the hypervisor: max {max(steal):.2f} cores"
    if pressure:
        line += f"; some task waiting for a core: median {statistics.median(pressure):.0%}, max {max(pressure):.0%} of the time"
    print(line)
    first = float(load_before.split()[0])
    if first < 1 and max(others) < 1:
        print("quiet machine: YES (load average below 1 at the start, other processes below 1 core during every run)")
    else:
        print(f"quiet machine: NO (load average {first:.2f} at the start, other processes up to {max(others):.2f} "
              "cores during a run): noisy figures, not to be quoted as a quiet-machine run")


def main(argv):
    if len(argv) >= 5 and argv[1] == "run" and argv[4] == "--":
        return run(argv[2], argv[3], argv[5:])
    if len(argv) >= 3 and argv[1] == "table":
        pairs = [argv[i + 1] for i in range(3, len(argv) - 1) if argv[i] == "--vs"]
        return table(argv[2], pairs)
    if len(argv) == 4 and argv[1] == "quiet":
        return quiet(argv[2], argv[3])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
