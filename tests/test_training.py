"""tf3_6 as an instrument: other optimizers, divergence, --plot, --logdir, --device.

The runs go through conftest.run_lesson, the script's real command-line path.
Expected values are the notes' loss table (tests/lecture.py) or NumPy by hand.
"""

import contextlib
import io
import re

import numpy as np
import pytest
from conftest import run_lesson
from lecture import LOSSES, W1_UNTRAINED, W2_UNTRAINED
from transcript import blocks, losses

from lessons import plot
from lessons.data import generate_dataset
from lessons.side_by_side import numpy_run

LOSS_RTOL = 1e-5  # the notes print the loss with %g: 6 significant digits
PNG_START = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"  # the last chunk, and its CRC


def tf3_6(*args):
    # On the CPU, as test_lesson3.py's cached runs: one device, comparable digits.
    return run_lesson("tf3_6.py", *args, device="cpu")


def trained(*args):
    run = tf3_6(*args)
    assert run.status == 0, run.stderr
    return run


# The notes' other optimizers (section 3.3, 反向传播训练方法)


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_momentum_and_adam_train_as_by_hand(optimizer):
    """Up to step 500, the losses the notes' update rules give in NumPy."""
    run = trained("--optimizer", optimizer, "--steps", "501")
    printed = losses(run.stdout)
    assert sorted(printed) == [0, 500]
    X, Y = generate_dataset()
    untrained = [np.array(W1_UNTRAINED), np.array(W2_UNTRAINED)]
    with contextlib.redirect_stdout(io.StringIO()):
        by_hand = numpy_run(optimizer, untrained, X, Y, 501, 8, 500, 0.001, np.float32)
    for step, loss in by_hand.losses.items():
        assert printed[step] == pytest.approx(loss, rel=LOSS_RTOL), step
    assert printed[500] < printed[0]
    # The same transcript as gd: data and untrained parameters do not depend on it.
    labels = [line for line in run.stdout.splitlines() if line.endswith(":")]
    assert labels == ["X:", "Y:", "w1:", "w2:", "w1:", "w2:"]
    gd = blocks(tf3_6().stdout)
    for label in ("X", "Y"):
        assert blocks(run.stdout)[label] == gd[label]
    assert blocks(run.stdout)["w1"][0] == gd["w1"][0]


def test_momentum_zero_is_gradient_descent():
    """The notes' d_i = β d_(i-1) + g with β = 0 is plain gradient descent."""
    run = trained("--optimizer", "momentum", "--momentum", "0", "--steps", "501")
    printed = losses(run.stdout)
    assert sorted(printed) == [0, 500]
    for step in printed:
        assert printed[step] == pytest.approx(LOSSES[step], rel=LOSS_RTOL), step


# A learning rate too large (学习率过大): the run stops, it does not print nan


def first_non_finite_step(learning_rate, batch_size=8):
    """Gradient descent by hand in float32; the first step whose batch loss is
    not finite, as bagu.train sees it (the loss before that step's update)."""
    rng = np.random.RandomState(23455)
    X = rng.rand(32, 2).astype(np.float32)
    Y = np.array([[x0 + x1 < 1] for x0, x1 in X], dtype=np.float32)
    w1 = np.array(W1_UNTRAINED, dtype=np.float32)
    w2 = np.array(W2_UNTRAINED, dtype=np.float32)
    lr = np.float32(learning_rate)
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(100):
            start = (i * batch_size) % 32
            x, y_ = X[start : start + batch_size], Y[start : start + batch_size]
            a = x @ w1
            y = a @ w2
            if not np.isfinite(np.mean((y - y_) ** 2)):
                return i
            dy = 2 * (y - y_) / len(x)  # d loss / d y of the mean squared error
            w1, w2 = w1 - lr * x.T @ (dy @ w2.T), w2 - lr * a.T @ dy
    raise AssertionError("no divergence in 100 steps")


def test_a_large_learning_rate_stops_with_one_line():
    run = tf3_6("--lr", "10")
    assert run.status == 1
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.splitlines()
    step = int(re.search(r"stopped at step (\d+)", line).group(1))
    assert step == first_non_finite_step(10.0)
    assert "learning rate 10;" in line
    assert "try a smaller one" in line
    # No screen of nan: the transcript ends before the first non-finite loss.
    assert not re.search(r"nan|inf", run.stdout)
    assert sorted(losses(run.stdout)) == [0]
    assert blocks(run.stdout)["w1"] == blocks(tf3_6().stdout)["w1"][:1]


# --plot and --logdir


# Recording costs a sess.run and an event each step: the recorded run stops
# after step 500, the second of the notes' printed steps.
RECORDED_STEPS = ("--steps", "501")


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recorded")
    png, logdir = folder / "loss.png", folder / "events"
    run = tf3_6(*RECORDED_STEPS, "--plot", str(png), "--logdir", str(logdir))
    return run, png, logdir


def test_recording_leaves_the_transcript_alone(recorded):
    run, png, logdir = recorded
    assert run.status == 0, run.stderr
    assert run.stdout == tf3_6(*RECORDED_STEPS).stdout
    # the saved paths are on stderr, one line each
    assert run.stderr.splitlines() == [
        f"TensorBoard event files written to {logdir}",
        f"loss curve saved to {png}",
    ]


def assert_complete_png(path):
    data = path.read_bytes()
    assert data.startswith(PNG_START)
    assert data.endswith(PNG_END)
    import matplotlib.image

    height, width, channels = matplotlib.image.imread(path).shape
    assert height > 100 and width > 100 and channels in (3, 4)


def test_the_plot_is_a_complete_png(recorded):
    _, png, _ = recorded
    assert_complete_png(png)
    assert sorted(p.name for p in png.parent.iterdir()) == ["events", "loss.png"]


def test_the_events_hold_the_graph_and_the_loss_table(recorded):
    from tensorboard.backend.event_processing.event_accumulator import (
        EventAccumulator,
    )

    _, _, logdir = recorded
    events = EventAccumulator(str(logdir), size_guidance={"scalars": 0})
    events.Reload()
    names = {node.name for node in events.Graph().node}
    assert {"x", "y_", "w1", "w2", "forward/MatMul", "forward/MatMul_1"} <= names
    assert any(name.startswith("loss/") for name in names)
    assert "train_step/GradientDescent" in names
    scalars = {event.step: event.value for event in events.Scalars("loss_on_all_data")}
    assert sorted(scalars) == list(range(501))  # after every step
    for step in (0, 500):
        assert scalars[step] == pytest.approx(LOSSES[step], rel=LOSS_RTOL), step


def test_a_diverged_run_still_saves_its_plot(tmp_path):
    png = tmp_path / "diverged.png"
    run = tf3_6("--lr", "10", "--plot", str(png))
    assert run.status == 1
    assert run.stderr.splitlines()[1:] == [f"loss curve saved to {png}"]
    assert_complete_png(png)


def test_an_interrupted_save_leaves_the_old_picture(tmp_path, monkeypatch):
    """A run killed while writing leaves no broken PNG: the old one, or none."""
    from matplotlib.figure import Figure

    path = tmp_path / "loss.png"
    curve = plot.Curve("GradientDescentOptimizer(0.001)", [0, 1, 2], [5.0, 4.0, 3.0])
    plot.save(path, [curve], "before", printed_every=1)
    before = path.read_bytes()

    def killed_while_writing(self, file, **kwargs):
        file.write(PNG_START + b"half a picture")
        raise KeyboardInterrupt

    monkeypatch.setattr(Figure, "savefig", killed_while_writing)
    with pytest.raises(KeyboardInterrupt):
        plot.save(path, [curve], "after", printed_every=1)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["loss.png"]


# --device


def test_device_flag_gives_the_lecture_numbers(device):
    run = run_lesson("tf3_6.py", "--device", device, "--steps", "501")
    assert run.status == 0, run.stderr
    printed = losses(run.stdout)
    assert sorted(printed) == [0, 500]
    for step in printed:
        assert printed[step] == pytest.approx(LOSSES[step], rel=LOSS_RTOL), step
