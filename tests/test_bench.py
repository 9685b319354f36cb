"""The benchmark's own arithmetic: its NumPy floor, its ratios and its table.

The benchmark itself is not run here: it takes minutes, and its times are
not something a test can assert.
"""

import numpy as np
import pytest
from lecture import LOSSES, W1_TRAINED, W1_UNTRAINED, W2_TRAINED, W2_UNTRAINED

from bench.bench import (
    HEADER,
    format_table,
    median,
    numpy_training,
    paired_ratios,
    run_command,
    table_rows,
)
from lessons.data import generate_dataset


def test_numpy_floor_trains_as_the_notes_do():
    """The floor does the notes' arithmetic: it must give their numbers."""
    X, Y = generate_dataset()
    history, w1, w2 = numpy_training(
        X, Y, W1_UNTRAINED, W2_UNTRAINED, 3000, 8, 0.001, 500
    )
    assert [step for step, _ in history] == sorted(LOSSES)
    for step, loss in history:
        assert loss == pytest.approx(LOSSES[step], rel=1e-5), step
    np.testing.assert_allclose(w1, W1_TRAINED, atol=1e-6)
    np.testing.assert_allclose(w2, W2_TRAINED, atol=1e-6)


def test_ratios_are_judged_against_their_targets():
    medians = {"import": 6.0, "tf3_6": 7.2, "run-all": 9.0, "numpy": 20e-6}
    rows = {row[0]: row[1:] for row in table_rows(medians)}
    assert rows["python lesson3/tf3_6.py"] == (
        "7.20 s",
        "bare import",
        "1.20",
        "<= 1.15",
        "FAIL",
    )
    assert rows["make run-all (one process)"][2:] == ("1.50", "<= 2", "pass")
    assert rows["python -m pytest -q"] == ("not measured", "", "", "", "")
    # a row without a floor has no ratio and no verdict
    assert rows["NumPy, the same steps, per step"] == ("20.0 µs", "", "", "", "")
    # nor has a row whose floor was not measured
    (row,) = [r for r in table_rows({"graph loop": 50e-6}) if r[0].startswith("in-")]
    assert row[1:] == ("50.0 µs", "NumPy", "", "<= 2.5", "")


def test_ratios_are_taken_within_each_round():
    samples = {"import": [6.0, 5.0, 8.0], "tf3_6": [6.6, 7.5, 8.0]}
    ratios = paired_ratios(samples)
    assert ratios["tf3_6"] == pytest.approx(1.1)  # the median of 1.1, 1.5, 1.0
    assert ratios["run-all"] is None  # not measured
    medians = {key: median(values) for key, values in samples.items()}
    rows = {row[0]: row[1:] for row in table_rows(medians, ratios)}
    # the rounds' ratio, not 7.5 / 6.0 = 1.25, the ratio of the medians
    assert rows["python lesson3/tf3_6.py"][2:] == ("1.10", "<= 1.15", "pass")


def test_table_columns_line_up():
    text = format_table(
        HEADER,
        [
            ("a", "1 s", "", "", "", ""),
            ("long name", "22 s", "x", "1.00", "<= 2", "pass"),
        ],
    )
    lines = text.splitlines()
    assert len(lines) == 4
    assert set(lines[1]) == {"-", " "}
    starts = [line.index("22 s") for line in lines[3:]]
    assert lines[2].index("1 s") == starts[0] == lines[0].index("median")


def test_median_of_nothing_is_nothing():
    assert median([]) is None
    assert median([3.0, 1.0, 2.0]) == 2.0


def test_a_command_gives_its_time_and_peak_memory(python):
    elapsed, peak = run_command([python, "-c", "bytearray(50 * 2**20)"])
    assert elapsed > 0
    assert peak >= 50 * 2**20  # ru_maxrss, read in KiB, is returned in bytes


def test_a_failing_command_is_an_error_not_a_time(python):
    with pytest.raises(RuntimeError, match=r"exit status 3"):
        run_command([python, "-c", "raise SystemExit(3)"])
