"""Read the numbers back out of what a lesson script printed."""

import re

import numpy as np

LOSS_LINE = re.compile(r"^After (\d+) training step\(s\), loss on all data is (\S+)$")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def blocks(stdout):
    """Map each label line ("w1:", "y in tf3_3.py is:") to the lines printed under it.

    A label that appears twice (tf3_6 prints w1 before and after training)
    maps to a list with one entry per appearance.
    """
    found = {}
    label, body = None, []
    for line in stdout.splitlines() + [""]:
        if line.endswith(":") or not line.strip() or LOSS_LINE.match(line):
            if label is not None:
                found.setdefault(label, []).append("\n".join(body))
            label, body = (line[:-1], []) if line.endswith(":") else (None, [])
        elif label is not None:
            body.append(line)
    return found


def array(text):
    """The numbers of a printed array or list, as a float array of the same shape."""
    rows = [NUMBER.findall(row) for row in re.split(r"\]\s*,?\s*\[", text)]
    return np.array([[float(n) for n in row] for row in rows if row])


def losses(stdout):
    """The lecture's loss lines as {step: loss}."""
    found = {}
    for line in stdout.splitlines():
        match = LOSS_LINE.match(line)
        if match:
            found[int(match.group(1))] = float(match.group(2))
    return found
