"""How long a student waits, beside the least the platform allows: `make bench`.

One run measures, and prints as one table with each ratio to its floor:

- `python -c "import tensorflow"`, the floor of every command below, and
  `import lessons.compat`, the lessons' way to import it;
- `python lesson3/tf3_6.py`, `make run-all` (lessons.runner, as the Makefile
  calls it) and the test suite (`python -m pytest -q`), each a fresh process;
- the peak memory (ru_maxrss) of tf3_6 and of the bare import;
- tf3_6's training loop per step: bagu.train as tf3_6 calls it, in tf3_6's
  own session, against that session's floor, a sess.run of a no-op fed the
  same batches (as float32 arrays, the cheapest form of the same feed),
  timed just before and just after the loop;
- the same training inside the graph (lessons.graph_loop), against the
  arithmetic's floor: the same steps written in NumPy.

Every number is the median of several runs. The commands run in rounds, one
of each per round, so a busy machine slows them alike, and each ratio is the
median of the rounds' ratios, each taken within its round. Compare ratios,
not times, between machines or runs.

    python bench/bench.py [--repeats 3] [--test-repeats 3] [--loop-repeats 5]
"""

import argparse
import collections
import contextlib
import inspect
import os
import pathlib
import runpy
import statistics
import subprocess
import sys
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # lessons/, when run as python bench/bench.py
TF3_6 = "lesson3/tf3_6.py"
# Every lesson script, as the Makefile's LESSONS lists them (tests/test_runner.py
# holds the two lists to the same scripts; the order here is alphabetical).
LESSONS = sorted(str(path.relative_to(REPO)) for path in REPO.glob("lesson3/*.py"))
# tf3_6's constants, in the order numpy_training takes them after X, Y, w1, w2.
TRAINING_CONSTANTS = ("STEPS", "BATCH_SIZE", "LEARNING_RATE", "LOG_EVERY")


def seconds(value):
    return f"{value:.2f} s"


def micros(value):
    return f"{value * 1e6:.1f} µs"


def megabytes(value):
    return f"{value / 2**20:.0f} MiB"


# One line of the table: what is measured, its key among the measurements,
# its unit, the key of its floor, and the target: the most its ratio may be.
Row = collections.namedtuple("Row", "what key unit floor target")
ROWS = [
    Row('python -c "import tensorflow"', "import", seconds, None, None),
    Row('python -c "import lessons.compat"', "compat", seconds, "import", None),
    Row(f"python {TF3_6}", "tf3_6", seconds, "import", 1.15),
    Row("make run-all (one process)", "run-all", seconds, "import", 2),
    Row("python -m pytest -q", "tests", seconds, "import", 3),
    Row("peak memory, bare import", "import memory", megabytes, None, None),
    Row("peak memory, tf3_6", "tf3_6 memory", megabytes, "import memory", 1.05),
    Row("empty sess.run, same feed, per step", "floor", micros, None, None),
    Row("tf3_6 loop (bagu.train), per step", "loop", micros, "floor", 1.3),
    Row("NumPy, the same steps, per step", "numpy", micros, None, None),
    Row("in-graph loop (graph_loop), per step", "graph loop", micros, "numpy", 2.5),
]
FLOOR_NAMES = {
    "import": "bare import",
    "import memory": "bare import",
    "floor": "empty sess.run",
    "numpy": "NumPy",
}
HEADER = ("measured", "median", "floor", "ratio", "target", "check")


def ratio(value, floor):
    """value / floor, or None when either was not measured."""
    if value is None or not floor:
        return None
    return value / floor


def verdict(value, target):
    """'pass' when the ratio meets its target, 'FAIL' when not, '' without one."""
    if value is None or target is None:
        return ""
    return "pass" if value <= target else "FAIL"


def median(values):
    """The median of the measured values, None when nothing was measured."""
    return statistics.median(values) if values else None


def paired_ratios(samples):
    """{key: the median over rounds of value / floor}, for the rows with a floor.

    Each round measures a row and its floor one after the other, so the ratio
    of the two is taken within a round, where the machine was equally busy for
    both, and the rounds' ratios are summarised by their median.
    """
    ratios = {}
    for row in ROWS:
        if row.floor is None:
            continue
        pairs = zip(samples.get(row.key, []), samples.get(row.floor, []), strict=False)
        ratios[row.key] = median([value / floor for value, floor in pairs if floor])
    return ratios


def table_rows(medians, ratios=None):
    """The table's rows, as strings, from {key: median or None}.

    A row's ratio is ratios[key] when given (see paired_ratios), otherwise its
    median over its floor's median.
    """
    ratios = ratios or {}
    rows = []
    for row in ROWS:
        value = medians.get(row.key)
        if value is None:
            rows.append((row.what, "not measured", "", "", "", ""))
            continue
        r = ratios.get(row.key)
        if r is None:
            r = ratio(value, medians.get(row.floor))
        rows.append(
            (
                row.what,
                row.unit(value),
                FLOOR_NAMES.get(row.floor, ""),
                f"{r:.2f}" if r is not None else "",
                f"<= {row.target:g}" if row.target is not None else "",
                verdict(r, row.target),
            )
        )
    return rows


def format_table(header, rows):
    """Columns padded to their widest cell, a rule under the header."""
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]

    def line(row):
        cells = zip(row, widths, strict=True)
        return "  ".join(cell.ljust(width) for cell, width in cells).rstrip()

    return "\n".join(line(row) for row in [header, ["-" * w for w in widths], *rows])


def numpy_training(X, Y, w1, w2, steps, batch_size, learning_rate, log_every):
    """The notes' loop written in NumPy: the arithmetic's floor.

    The same float32 steps as tf3_6: forward a = x w1, y = a w2; the loss
    mean((y - y_)^2); its gradients by the chain rule; gradient descent.
    Returns the logged (step, loss on all data) pairs and the trained w1, w2.
    """
    X = np.asarray(X, dtype=np.float32)
    Y = np.asarray(Y, dtype=np.float32)
    w1 = np.array(w1, dtype=np.float32)
    w2 = np.array(w2, dtype=np.float32)
    learning_rate = np.float32(learning_rate)
    history = []
    for i in range(steps):
        start = (i * batch_size) % len(X)
        end = start + batch_size
        x, y_ = X[start:end], Y[start:end]
        a = x @ w1
        y = a @ w2
        grad_y = 2 * (y - y_) / len(x)
        grad_w2 = a.T @ grad_y
        grad_w1 = x.T @ (grad_y @ w2.T)
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
        if i % log_every == 0:
            history.append((i, float(np.mean(np.square(X @ w1 @ w2 - Y)))))
    return history, w1, w2


def run_command(argv):
    """Run argv from the repository root; return (seconds, peak RSS in bytes)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed (exit status {child.returncode})")
    return elapsed, usage.ru_maxrss * 1024  # Linux counts ru_maxrss in KiB


def measure_commands(python, repeats, test_repeats):
    """Time each command `repeats` times in rounds; return times and peak RSS."""
    commands = {
        "import": [python, "-c", "import tensorflow"],
        "compat": [python, "-c", "import lessons.compat"],
        "tf3_6": [python, TF3_6],
        "run-all": [python, "-m", "lessons.runner", *LESSONS],
        "tests": [python, "-m", "pytest", "-q"],
    }
    times = {name: [] for name in commands}
    memory = {name: [] for name in commands}
    for round_ in range(max(repeats, test_repeats)):
        for name, argv in commands.items():
            if round_ >= (test_repeats if name == "tests" else repeats):
                continue
            progress(f"round {round_ + 1}: {' '.join(argv[1:3])}")
            elapsed, peak = run_command(argv)
            times[name].append(elapsed)
            memory[name].append(peak)
    return times, memory


def measure_training(repeats):
    """Per-step times of tf3_6's loop, its session's floor, NumPy, the graph loop."""
    # TensorFlow is imported only now, so that the commands above ran beside
    # a bench process without it.
    from lessons.data import generate_dataset

    settings = runpy.run_path(str(REPO / TF3_6))  # tf3_6's constants, not main()
    constants = [settings[name] for name in TRAINING_CONSTANTS]
    X, Y = generate_dataset(settings["seed"])
    times, untrained = time_lecture_loop(repeats)
    graph_times, first_run = time_graph_loop(X, Y, untrained, *constants, repeats)
    return {**times, **graph_times}, first_run


def time_lecture_loop(repeats):
    """Run tf3_6 `repeats` times, timing bagu.train and the empty sess.run in it.

    Returns the seconds per step of each, and w1, w2 before training.
    """
    from lessons import bagu, runner
    from lessons.compat import tf

    times = {"loop": [], "floor": []}
    untrained = []
    train = bagu.train

    def timed_train(*args, **kwargs):
        given = inspect.signature(train).bind(*args, **kwargs).arguments
        variables = {v.op.name: v for v in tf.global_variables()}
        untrained[:] = given["sess"].run([variables["w1"], variables["w2"]])
        nothing = tf.no_op()
        # The floor just before and just after the loop, in the same session,
        # so that the two sides of the ratio see the machine alike.
        before = empty_runs(nothing, **given)
        start = time.perf_counter()
        history = train(*args, **kwargs)
        times["loop"].append((time.perf_counter() - start) / given["steps"])
        after = empty_runs(nothing, **given)
        times["floor"].append((before + after) / 2)
        return history

    bagu.train = timed_train
    try:
        for round_ in range(repeats):
            progress(f"round {round_ + 1}: tf3_6's loop and its session's floor")
            with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
                status = runner.run_script(REPO / TF3_6)
            if status != 0:
                raise RuntimeError(f"{TF3_6} failed (exit status {status})")
    finally:
        bagu.train = train
    return times, untrained


def time_graph_loop(
    X, Y, untrained, steps, batch_size, learning_rate, log_every, repeats
):
    """Seconds per step of graph_loop's training and of the same steps in NumPy,
    each round timing one then the other; seconds to build and first run the
    graph loop."""
    from lessons import bagu, graph_loop
    from lessons.compat import session_config, tf

    times = {"numpy": [], "graph loop": []}
    with tf.Graph().as_default():
        start = time.perf_counter()
        w1, w2 = bagu.parameters()
        optimizer = tf.train.GradientDescentOptimizer(learning_rate)
        losses = graph_loop.training_loop(
            optimizer, w1, w2, X, Y, steps, batch_size, log_every
        )
        init = tf.global_variables_initializer()
        with tf.Session(config=session_config()) as sess:
            sess.run(init)
            sess.run(losses)
            first_run = time.perf_counter() - start
            for round_ in range(repeats):
                progress(f"round {round_ + 1}: NumPy and the graph loop")
                start = time.perf_counter()
                numpy_training(
                    X, Y, *untrained, steps, batch_size, learning_rate, log_every
                )
                times["numpy"].append((time.perf_counter() - start) / steps)
                sess.run(init)
                start = time.perf_counter()
                sess.run(losses)
                times["graph loop"].append((time.perf_counter() - start) / steps)
    return times, first_run


def empty_runs(nothing, sess, x, y_, X, Y, steps, batch_size, **_):
    """Seconds per sess.run of the no-op `nothing` fed the loop's batches: the
    session's floor."""
    X = np.asarray(X, dtype=x.dtype.as_numpy_dtype)
    Y = np.asarray(Y, dtype=y_.dtype.as_numpy_dtype)
    begin = time.perf_counter()
    for i in range(steps):
        start = (i * batch_size) % len(X)
        end = start + batch_size
        sess.run(nothing, feed_dict={x: X[start:end], y_: Y[start:end]})
    return (time.perf_counter() - begin) / steps


def progress(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def report(samples, first_run):
    """The table of medians and ratios, and a line on the machine."""
    medians = {key: median(values) for key, values in samples.items()}
    load = ", ".join(f"{average:.1f}" for average in os.getloadavg())
    runs = {key: len(values) for key, values in samples.items()}
    return "\n".join(
        [
            format_table(HEADER, table_rows(medians, paired_ratios(samples))),
            "",
            f"building the in-graph loop and its first run: {seconds(first_run)}",
            f"{os.cpu_count()} CPUs, load average {load}; medians of "
            f"{runs['import']} command runs, {runs['loop']} loop runs",
        ]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="runs of each command but the test suite (default: 3)",
    )
    parser.add_argument(
        "--test-repeats",
        type=int,
        default=3,
        help="runs of the test suite, 0 to leave it out (default: 3)",
    )
    parser.add_argument(
        "--loop-repeats",
        type=int,
        default=5,
        help="runs of each training loop (default: 5)",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.loop_repeats < 1 or args.test_repeats < 0:
        parser.error("repeats must be at least 1 (the test suite's at least 0)")
    try:
        times, memory = measure_commands(
            sys.executable, args.repeats, args.test_repeats
        )
        training, first_run = measure_training(args.loop_repeats)
    except RuntimeError as failure:  # a failed run has no time worth reporting
        print(f"bench: {failure}", file=sys.stderr)
        return 1
    memory = {f"{key} memory": values for key, values in memory.items()}
    print(report({**times, **memory, **training}, first_run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
