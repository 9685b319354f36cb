"""tf3_6's network trained twice: by TensorFlow, and by hand with lessons.backprop.

Both runs take the same batches in the same order and print the same loss
line every `log_every` steps: NumPy in the notes' loop (bagu.iterate),
TensorFlow inside the graph (graph_loop). Each records the gradient it
computed at every step, so that the two can be compared step by step.
"""

from dataclasses import dataclass

import numpy as np

from lessons import backprop, bagu, graph_loop
from lessons.compat import session_config, tf


@dataclass(frozen=True)
class Run:
    """What one training run computed."""

    initial: list  # [w1, w2] before training
    losses: dict  # {step: loss on all data}, the logged lines
    grads: list  # [∂loss/∂w1, ∂loss/∂w2], each stacked over the steps: grads[0][i]
    # is the gradient of w1 on step i's batch
    trained: list  # [w1, w2] after training


def tensorflow_run(name, X, Y, steps, batch_size, log_every, learning_rate):
    """Train tf3_6's network, in a graph of its own, with bagu.optimizer(name).

    The steps run inside the graph (lessons.graph_loop), which gives the
    numbers of the notes' loop (tests/test_graph_loop.py) in a fraction of its
    time, and records the gradient every step applied. Prints the notes' loss
    line every `log_every` steps, once all steps have run.
    """
    with tf.Graph().as_default():
        w1, w2 = bagu.parameters()
        losses, grads = graph_loop.training_loop(
            bagu.optimizer(name, learning_rate),
            w1,
            w2,
            X,
            Y,
            steps,
            batch_size,
            log_every,
            record_gradients=True,
        )
        with tf.Session(config=session_config()) as sess:
            sess.run(tf.global_variables_initializer())
            initial = sess.run([w1, w2])
            logged, (dw1, dw2) = sess.run((losses, grads))
            history = graph_loop.history(logged, log_every)
            for step, loss in history:
                print(bagu.LOSS_LINE % (step, loss))
            return Run(initial, dict(history), [dw1, dw2], sess.run([w1, w2]))


def numpy_run(name, initial, X, Y, steps, batch_size, log_every, learning_rate, dtype):
    """Train the same network by hand from the weights `initial`, in `dtype`.

    X and Y are converted to `dtype` first, as tf3_6's float32 placeholders
    convert what is fed to them.
    """
    X, Y = np.asarray(X, dtype), np.asarray(Y, dtype)
    initial = [np.asarray(w, dtype) for w in initial]
    weights = initial
    optimizer = backprop.optimizer(name, learning_rate)
    recorded = []

    def step(xs, ys):
        nonlocal weights
        dw, _ = backprop.gradients(xs, ys, weights)
        recorded.append(dw)
        weights = optimizer.step(weights, dw)

    def total_loss(xs, ys):
        _, a = backprop.forward(xs, weights)
        return backprop.mse(a[-1], ys)

    history = bagu.iterate(step, total_loss, X, Y, steps, batch_size, log_every)
    stacked = [np.stack([dw[k] for dw in recorded]) for k in range(len(initial))]
    return Run(initial, dict(history), stacked, weights)


def largest_differences(one, other):
    """How far two runs are apart, the largest difference of each kind.

    Losses: relative to `other`'s loss. Gradients, over all steps: relative
    to 1 + the largest entry of `other`'s gradient on that step, so relative
    where a gradient is large (float32 holds a gradient of 9 to about 1e-6)
    and absolute near the end of training, where gradients approach 0.
    Trained w1, w2: absolute.
    """
    return {
        "loss": max(
            abs(one.losses[i] - other.losses[i]) / abs(other.losses[i])
            for i in other.losses
        ),
        "gradients": _largest_gradient_difference(one.grads, other.grads),
        "w1": _largest(one.trained[0], other.trained[0]),
        "w2": _largest(one.trained[1], other.trained[1]),
    }


def _largest(a, b):
    """max |a - b|, computed in float64 whatever the arrays' own types."""
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))


def _largest_gradient_difference(grads, other_grads):
    """The "gradients" of largest_differences, for all steps at once in NumPy."""
    # per step: the largest |g - h| and the largest |h| over w1's and w2's entries
    difference, size = 0, 0
    for g, h in zip(grads, other_grads, strict=True):  # w1's gradients, then w2's
        g, h = np.asarray(g, np.float64), np.asarray(h, np.float64)
        per_step = tuple(range(1, h.ndim))
        difference = np.maximum(difference, np.abs(g - h).max(axis=per_step))
        size = np.maximum(size, np.abs(h).max(axis=per_step))
    return float(np.max(difference / (1 + size)))
