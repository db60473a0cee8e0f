#!/usr/bin/env python3
"""CPU seconds of a command and of every process it starts, however they are parented.

Usage: bench/cpu.py COMMAND [ARGS...]

The command runs as a child of this script, which makes itself the "subreaper" of everything below it (Linux
prctl PR_SET_CHILD_SUBREAPER): a process whose parent has gone (Chromium's zygotes, a daemonised helper) is waited for
here rather than by init, so the kernel's count of its user and system time reaches this process's RUSAGE_CHILDREN.
`/usr/bin/time` alone misses those. /proc is also read twice a second for a breakdown by kind of process (a process that
lives less than half a second is counted in the total only). The summary goes to stderr; the exit status is the
command's.
"""
import ctypes
import os
import resource
import signal
import subprocess
import sys
import threading
import time

PR_SET_CHILD_SUBREAPER = 36
TICKS = os.sysconf("SC_CLK_TCK")


def kind(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return "?"
    # Chromium rewrites its command line into one string (setproctitle), so arguments are split on spaces too.
    args = b" ".join(args).split()
    exe = os.path.basename(args[0].decode(errors="replace")) if args else "?"
    joined = b" ".join(args).decode(errors="replace")
    if "chrom" in exe:
        for a in args:
            if a.startswith(b"--type="):
                return "chromium " + a[7:].decode()
        return "chromium browser"
    if exe == "node" or "playwright" in joined and "driver" in joined:
        return "playwright driver"
    if exe in ("dotnet", "Broadsheet.BrowserTests", "Broadsheet.Tests") or joined.endswith(".dll"):
        # The app started by a test (`dotnet …/Broadsheet.Tests/bin/…/Broadsheet.dll`) is the app, not the test process.
        if len(args) > 1 and args[1].endswith(b"/Broadsheet.dll"):
            return "dotnet Broadsheet.dll"
        if "testhost" in joined or "Tests" in joined:
            return "test process"
        return "dotnet " + (os.path.basename(args[1].decode(errors="replace")) if len(args) > 1 else "")
    return exe


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def cpu_of(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return None


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")
    seen: dict[int, tuple[str, float]] = {}
    me = os.getpid()
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid in descendants(me):
                cpu = cpu_of(pid)
                if cpu is not None:
                    name = seen[pid][0] if pid in seen else kind(pid)
                    seen[pid] = (name, cpu)
            stop.wait(0.5)

    start = time.monotonic()
    child = subprocess.Popen(sys.argv[1:])
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status = None
    signal.signal(signal.SIGINT, lambda *_: child.send_signal(signal.SIGINT))
    # Reap the command and every orphan handed to this process until none is left.
    while True:
        try:
            pid, wstatus = os.wait()
        except ChildProcessError:
            break
        if pid == child.pid:
            status = os.waitstatus_to_exitcode(wstatus)
    wall = time.monotonic() - start
    stop.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    by_kind: dict[str, float] = {}
    for name, cpu in seen.values():
        by_kind[name] = by_kind.get(name, 0.0) + cpu
    print(f"cpu.py: {usage.ru_utime + usage.ru_stime:.1f} s CPU ({usage.ru_utime:.1f} user + {usage.ru_stime:.1f} sys), "
          f"{wall:.1f} s wall, exit {status}", file=sys.stderr)
    for name, cpu in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        print(f"cpu.py:   {cpu:8.1f} s  {name}", file=sys.stderr)
    return status if status is not None else 1


if __name__ == "__main__":
    sys.exit(main())
