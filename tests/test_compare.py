"""`make plots`: the three optimizers trained in one process, drawn on one figure."""

import pytest
from lecture import LOSSES
from test_training import assert_complete_png

from lessons import compare, record


def test_three_runs_one_figure(tmp_path, capsys):
    plots, logdir = tmp_path / "plots", tmp_path / "tensorboard"
    (logdir / "gd").mkdir(parents=True)
    (logdir / "gd" / "events.out.tfevents.0.earlier-run").write_bytes(b"")
    compare.main(["--plots", str(plots), "--logdir", str(logdir), "--steps", "3"])

    assert_complete_png(plots / "optimizers.png")
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"the three loss curves saved to {plots / 'optimizers.png'}"
    )
    assert sorted(p.name for p in logdir.iterdir()) == ["adam", "gd", "momentum"]
    for optimizer in ("gd", "momentum", "adam"):
        events = list((logdir / optimizer).iterdir())
        assert len(events) == 1  # the earlier run's file was replaced
        steps, _ = record.read_losses(logdir / optimizer)
        assert steps == [0, 1, 2]
    # gd after its first step is the notes' first printed loss
    steps, losses = record.read_losses(logdir / "gd")
    assert losses[0] == pytest.approx(LOSSES[0], rel=1e-5)
