"""Run lesson scripts inside this process, each in a fresh graph.

Importing TensorFlow takes seconds; running a lesson takes far less. Running
every script in one process pays for the import once, while each script still
sees what `python lesson3/tf3_N.py` would give it: a new default graph (so op
names such as "add:0" and the seeded random values start afresh), its own
sys.argv, and `__name__ == "__main__"`.

    python -m lessons.runner lesson3/*.py

runs them all, one after the other, and exits non-zero if any of them failed.
"""

import runpy
import sys
import traceback

from lessons.compat import device_scope, tf


def run_script(path, args=(), device=None):
    """Run the script at `path` with command-line `args`; return its exit status."""
    saved_argv = sys.argv
    sys.argv = [str(path), *args]
    try:
        with tf.Graph().as_default(), device_scope(device):
            runpy.run_path(str(path), run_name="__main__")
    except SystemExit as stop:
        return _exit_status(stop.code)
    finally:
        sys.argv = saved_argv
    return 0


def _exit_status(code):
    """The status `python` gives for sys.exit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main(paths):
    failed = []
    for path in paths:
        print(f"==> python {path}", flush=True)
        try:
            status = run_script(path)
        except Exception:
            traceback.print_exc()
            status = 1
        if status != 0:
            failed.append(path)
            print(f"FAILED: {path} (exit status {status})", file=sys.stderr)
        print(flush=True)
    if failed:
        print(f"{len(failed)} of {len(paths)} scripts failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
