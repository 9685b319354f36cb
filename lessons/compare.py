"""The notes' three optimizers side by side: `make plots`.

    python -m lessons.compare [--plots FOLDER] [--logdir FOLDER] [--steps N]

Trains lesson3/tf3_6.py once per optimizer, with the notes' settings, in this
one process (TensorFlow is imported once). Each run writes its TensorBoard
event files to LOGDIR/<optimizer>, so `make tensorboard` shows the three runs
together; their loss curves are then read back from those files and drawn on
one figure, PLOTS/optimizers.png. Event files already in those three folders
are replaced.
"""

import contextlib
import io
import pathlib
import runpy
import sys

from lessons import bagu, cli, plot, record
from lessons.runner import run_script

TF3_6 = pathlib.Path(__file__).resolve().parents[1] / "lesson3" / "tf3_6.py"


def train(optimizer, logdir, steps):
    """Run tf3_6 with `optimizer` and --logdir, its transcript kept off the screen.

    Returns the run's loss curve, read back from its event files.
    """
    # Event files of an earlier run would add a second value at every step.
    for old in logdir.glob("events.out.tfevents.*"):
        old.unlink()
    transcript = io.StringIO()
    with contextlib.redirect_stdout(transcript):
        flags = ["--optimizer", optimizer, "--logdir", str(logdir), "--steps", steps]
        status = run_script(TF3_6, flags)
    if status != 0:
        sys.exit(f"tf3_6.py --optimizer {optimizer} failed (exit status {status})")
    return record.read_losses(logdir)


def main(argv=None):
    parser = cli.make_parser(__doc__)
    parser.add_argument(
        "--plots",
        type=pathlib.Path,
        default=pathlib.Path("out/plots"),
        help="where optimizers.png goes (default: %(default)s)",
    )
    parser.add_argument(
        "--logdir",
        type=pathlib.Path,
        default=pathlib.Path("out/tensorboard"),
        help="where each run's event files go (default: %(default)s)",
    )
    # tf3_6's constants (the notes' settings), read without running its main()
    notes = runpy.run_path(str(TF3_6))
    parser.add_argument(
        "--steps",
        type=cli.positive_whole_number,
        default=notes["STEPS"],
        help="training steps of each run (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    cli.check_writable(parser, "--plots", args.plots)
    cli.check_writable(parser, "--logdir", args.logdir)

    curves = []
    for optimizer in bagu.OPTIMIZERS:
        steps, losses = train(optimizer, args.logdir / optimizer, str(args.steps))
        label = bagu.optimizer_call(
            optimizer, notes["LEARNING_RATE"], notes["MOMENTUM"]
        )
        curves.append(plot.Curve(label, steps, losses))
    path = args.plots / "optimizers.png"
    title = "tf3_6.py: the notes' three optimizers, %d steps of %d parts" % (
        args.steps,
        notes["BATCH_SIZE"],
    )
    plot.save(path, curves, title, notes["LOG_EVERY"])
    print(f"the three loss curves saved to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
