"""Loss curves as a PNG picture: what --plot and `make plots` draw.

matplotlib is imported only when a picture is drawn, and draws without a
display (the Agg canvas). The file appears complete or not at all: the picture
is written to a temporary file in the same folder, then renamed over PATH.
"""

import math
import os
import pathlib
import tempfile
from dataclasses import dataclass


@dataclass
class Curve:
    """The loss on all data after each step of one training run."""

    label: str
    steps: list
    losses: list

    def finite(self):
        """The points a log scale can show: the end of a diverged run is not one."""
        return [
            (s, v)
            for s, v in zip(self.steps, self.losses, strict=True)
            if math.isfinite(v)
        ]


def save(path, curves, title, printed_every):
    """Draw `curves` on one figure and write it as a PNG at `path`.

    The steps the script prints (every `printed_every`) are marked with dots;
    with one curve, their values are written beside them.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, StrMethodFormatter

    figure = Figure(figsize=(8, 5), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for curve in curves:
        points = curve.finite()
        (line,) = axes.plot(
            *zip(*points, strict=True) if points else ([], []), label=curve.label
        )
        printed = [(step, loss) for step, loss in points if step % printed_every == 0]
        if not printed:
            continue
        axes.plot(*zip(*printed, strict=True), "o", color=line.get_color())
        if len(curves) == 1:
            for step, loss in printed:
                axes.annotate(
                    "%g" % loss,
                    (step, loss),
                    textcoords="offset points",
                    xytext=(4, 6),
                    fontsize=8,
                )
    axes.plot([], [], "o", color="gray", label=f"printed (every {printed_every} steps)")
    axes.set_yscale("log")  # from 5 down to 0.4, and up to 1e30 when it diverges
    # tick labels as 0.4 and 5, not 4x10^-1 and 5x10^0; steps are whole numbers
    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:g}"))
    axes.yaxis.set_minor_formatter(StrMethodFormatter("{x:g}"))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    axes.set_xlabel("training step")
    axes.set_ylabel("loss on all data (mean squared error)")
    axes.set_title(title)
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    _write_atomically(pathlib.Path(path), figure)


def _write_atomically(path, figure):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, part = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            figure.savefig(file, format="png")
            file.flush()
            os.fsync(file.fileno())
        os.chmod(part, 0o644)  # mkstemp makes it private; a picture is for reading
        os.replace(part, path)
    except BaseException:
        os.unlink(part)
        raise
