"""Section 3.1 (张量): tf3_tensors prints each tensor's rank, shape and dtype."""

import re

import numpy as np
from conftest import run_lesson
from lecture import TENSORS

LINE = re.compile(r"^(\w+): rank (\d+), shape \(([\d, ]*)\), dtype (\w+)$")


def test_rank_is_the_number_of_brackets():
    run = run_lesson("tf3_tensors.py")
    assert run.status == 0, run.stderr
    found = {}
    for line in run.stdout.splitlines():
        name, rank, shape, dtype = LINE.match(line).groups()
        found[name] = int(rank), tuple(int(n) for n in shape.split(",") if n), dtype
    assert list(found) == ["S", "V", "m", "t"]
    for name, value in TENSORS.items():
        assert found[name] == (np.ndim(value), np.shape(value), "int32"), name
    rank, shape, dtype = found["t"]  # the notes' t = [[[...]]]: three brackets
    assert (rank, len(shape), dtype) == (3, 3, "int32")
