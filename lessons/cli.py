"""Command-line flags for the lesson scripts, with the lecture's values as defaults.

A script asks for the flags that fit it: the forward-pass examples take
`--rows`, a training script takes the training flags. A bare run gets the
lecture's values and prints the lecture's transcript. A bad value ends the run
before anything is computed, with one line on stderr and exit status 2:

    tf3_6.py: error: argument --lr: must be a positive, finite number, got 'abc'
"""

import argparse
import math
import os
import pathlib
import tempfile

import numpy as np

from lessons import bagu
from lessons.compat import gpu_available

DEVICES = ("auto", "cpu", "gpu")


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is the one line "prog: error: ...", without the usage.

    `--help` still shows the usage.
    """

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def make_parser(description):
    """An argument parser whose errors are one line; `description` heads --help."""
    return _Parser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )


# The lessons compute in float32: a larger number becomes inf when it is fed.
FLOAT32_MAX = float(np.finfo(np.float32).max)


def no_flags(description, argv=None):
    """For a script without flags: --help shows `description`; any flag is refused."""
    make_parser(description).parse_args(argv)


def _number(convert, accept, expected):
    """An argparse type: `convert` the text, keep it when `accept(value)`.

    Anything else, nan, inf and numbers beyond float32's range included, is
    refused as not `expected`.
    """

    def parse(text):
        try:
            value = convert(text)
        except ValueError:
            value = math.nan
        if not (abs(value) <= FLOAT32_MAX and accept(value)):
            raise argparse.ArgumentTypeError(f"must be {expected}, got {text!r}")
        return value

    return parse


# A volume or a weight.
finite_number = _number(float, lambda v: True, "a finite number")
# A learning rate.
positive_number = _number(float, lambda v: v > 0, "a positive, finite number")
# A tolerance.
non_negative_number = _number(float, lambda v: v >= 0, "a finite number >= 0")
# Steps, a batch size, how often to print.
positive_whole_number = _number(int, lambda v: v > 0, "a positive whole number")
# The notes' β in d_i = β d_(i-1) + g(θ_(i-1)).
momentum_value = _number(
    float, lambda v: 0 <= v < 1, "a number from 0 up to (not including) 1"
)
# What numpy's RandomState accepts as a seed.
seed_value = _number(
    int, lambda v: 0 <= v < 2**32, f"a whole number from 0 to {2**32 - 1}"
)


def rows_value(text):
    """'0.7,0.5;0.2,0.3' -> [[0.7, 0.5], [0.2, 0.3]]: parts as (volume, weight)."""
    parsed = []
    for row in text.split(";"):
        values = row.split(",")
        if len(values) != 2:
            raise argparse.ArgumentTypeError(
                "each row must be two numbers, volume,weight, rows separated by ';'"
                f": got the row {row.strip()!r} in {text!r}"
            )
        parsed.append([finite_number(value.strip()) for value in values])
    return parsed


def _rows_text(values):
    return ";".join(",".join("%g" % v for v in row) for row in values)


def forward_args(description, default_rows, one_row=False, argv=None):
    """Parse `--rows` for a forward-pass example; `default_rows` are the notes'.

    With `one_row`, the script's placeholder has shape (1, 2), and more than
    one row is an error.
    """
    parser = make_parser(description)
    parser.add_argument(
        "--rows",
        type=rows_value,
        default=_rows_text(default_rows),
        metavar="V,W" if one_row else "V,W;V,W",
        help=(
            "the part fed to x, as volume,weight"
            if one_row
            else "the parts fed to x, each as volume,weight, separated by ';'"
        )
        + "; write --rows=-1,2 when the first number is negative "
        "(default: %(default)s, the notes' values)",
    )
    args = parser.parse_args(argv)
    if one_row and len(args.rows) != 1:
        parser.error(
            "argument --rows: x is a placeholder of shape (1, 2), so this script "
            f"takes one row, got {len(args.rows)} (tf3_5.py takes many)"
        )
    return args


def training_args(
    description,
    *,
    optimizer,
    learning_rate,
    momentum,
    steps,
    batch_size,
    seed,
    log_every,
    data_size,
    argv=None,
):
    """Parse the training flags; the keyword arguments are the lecture's values.

    Returns the namespace with `device` None for "auto" (TensorFlow's choice),
    as lessons.compat.device_scope takes it.
    """
    parser = make_parser(description)
    flag = parser.add_argument
    flag(
        "--optimizer",
        choices=bagu.OPTIMIZERS,
        default=optimizer,
        help=", ".join(f"{k}: {v}" for k, v in bagu.OPTIMIZER_CLASSES.items())
        + " (default: %(default)s)",
    )
    flag(
        "--lr",
        type=positive_number,
        default=learning_rate,
        help="the learning rate, 学习率 (default: %(default)s)",
    )
    flag(
        "--momentum",
        type=momentum_value,
        default=momentum,
        help="the momentum, used by --optimizer momentum (default: %(default)s)",
    )
    flag(
        "--steps",
        type=positive_whole_number,
        default=steps,
        help="training steps, STEPS (default: %(default)s)",
    )
    flag(
        "--batch-size",
        type=positive_whole_number,
        default=batch_size,
        help=f"parts fed per step, BATCH_SIZE, at most {data_size} "
        "(default: %(default)s)",
    )
    flag(
        "--seed",
        type=seed_value,
        default=seed,
        help="the seed of the simulated data set (default: %(default)s)",
    )
    flag(
        "--log-every",
        type=positive_whole_number,
        default=log_every,
        metavar="N",
        help="print the loss on all data every N steps (default: %(default)s)",
    )
    flag(
        "--device",
        choices=DEVICES,
        default="auto",
        help="where the graph runs; auto: TensorFlow's choice, the GPU when "
        "there is one (default: %(default)s)",
    )
    flag(
        "--plot",
        type=pathlib.Path,
        metavar="PATH",
        help="save the loss on all data, taken after every step, as a PNG "
        "picture at PATH, the printed steps marked (default: no picture)",
    )
    flag(
        "--logdir",
        type=pathlib.Path,
        metavar="DIR",
        help="write TensorBoard event files to DIR: the graph, and the loss on "
        "all data after every step (default: none)",
    )
    args = parser.parse_args(argv)

    if args.batch_size > data_size:
        parser.error(
            f"argument --batch-size: must be at most {data_size}, the size of "
            f"the data set, got {args.batch_size}"
        )
    if args.device == "gpu" and not gpu_available():
        parser.error(
            "argument --device: TensorFlow sees no GPU here (a CPU-only "
            "build, or no CUDA device); use --device cpu or auto"
        )
    args.device = None if args.device == "auto" else args.device
    # Checked now, so that no training is wasted on a file that cannot be saved.
    if args.plot is not None:
        if os.path.isdir(args.plot):
            parser.error(f"argument --plot: {str(args.plot)!r} is a folder")
        if args.plot.suffix.lower() != ".png":
            parser.error(
                f"argument --plot: the picture is a PNG, give a path ending in "
                f".png, got {str(args.plot)!r}"
            )
        if not os.path.exists(args.plot.parent):
            parser.error(
                f"argument --plot: there is no folder {str(args.plot.parent)!r}; "
                "create it first"
            )
        check_writable(parser, "--plot", args.plot.parent)
    if args.logdir is not None:
        check_writable(parser, "--logdir", args.logdir)
    return args


def check_writable(parser, flag, folder):
    """End with an error unless files can be created in `folder`.

    A folder that does not exist yet is created when the file is written, so
    its nearest existing parent is tried.
    """
    existing = folder
    while not os.path.exists(existing):  # os.path: False, not an error, if unreadable
        existing = existing.parent
    if not os.path.isdir(existing):
        parser.error(f"argument {flag}: {str(existing)!r} is a file, not a folder")
    try:
        tempfile.TemporaryFile(dir=existing).close()
    except OSError as error:
        parser.error(
            f"argument {flag}: cannot write in the folder {str(existing)!r}: "
            f"{error.strerror}"
        )
