"""`python crash_points.py N FOLDER [FLAGS] -- build args`: a build that kills itself.

It runs `python -m explainer` and sends itself SIGKILL just before its N-th change to a name
directly inside FOLDER or FOLDER/cache (a rename, a removal, a folder exchange): the moments
between the steps that replace the output folder, which kills at random times rarely hit.
On exit it prints how many such changes the build made, so a test knows how many to try.

--no-exchange: run as on a system that cannot exchange two folders in one step.
--at-pagefind: die as soon as Pagefind is started, leaving it running (N is then ignored).
"""

from __future__ import annotations

import atexit
import os
import runpy
import shutil
import signal
import subprocess
import sys
import types


def main() -> None:
    limit, folder, *flags = sys.argv[1 : sys.argv.index("--")]
    watched = {os.path.abspath(folder), os.path.abspath(os.path.join(folder, "cache"))}
    changes = 0

    def counted(change):
        def wrapper(*args, **kwargs):
            nonlocal changes
            paths = [a for a in args[:2] if isinstance(a, str | bytes | os.PathLike)]
            if any(os.path.dirname(os.path.abspath(os.fsdecode(p))) in watched for p in paths):
                changes += 1
                if changes == int(limit):
                    os.kill(os.getpid(), signal.SIGKILL)
            return change(*args, **kwargs)

        return wrapper

    os.rename, os.replace, os.unlink, os.rmdir = map(counted, (os.rename, os.replace, os.unlink, os.rmdir))
    shutil.rmtree = counted(shutil.rmtree)
    from explainer.builder import site_folder

    site_folder.exchange = counted(
        (lambda one, other: False) if "--no-exchange" in flags else site_folder.exchange
    )
    if "--at-pagefind" in flags:
        from explainer.builder import finish as postbuild

        def start_then_die(command, pass_fds=(), **_):
            subprocess.Popen(command, pass_fds=pass_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            os.kill(os.getpid(), signal.SIGKILL)

        postbuild.subprocess = types.SimpleNamespace(run=start_then_die)
    atexit.register(lambda: print(f"changes: {changes}", file=sys.stderr))
    sys.argv = ["explainer", *sys.argv[sys.argv.index("--") + 1 :]]
    sys.path.insert(0, os.getcwd())  # as `python -m` would: settings files import pelicanconf
    runpy.run_module("explainer", run_name="__main__")


if __name__ == "__main__":
    main()
