"""tf3_6's network trained twice: by TensorFlow, and by hand with lessons.backprop.

Both runs go through the notes' loop (bagu.iterate): the same batches, the
same loss line every `log_every` steps. Each records the gradient it computed
at every step, so that the two can be compared step by step.
"""

from dataclasses import dataclass

import numpy as np

from lessons import backprop, bagu
from lessons.compat import session_config, tf


@dataclass(frozen=True)
class Run:
    """What one training run computed."""

    initial: list  # [w1, w2] before training
    losses: dict  # {step: loss on all data}, the logged lines
    grads: list  # per step, [∂loss/∂w1, ∂loss/∂w2] on that step's batch
    trained: list  # [w1, w2] after training


def tf3_6_network():
    """tf3_6's lines up to the loss, in the default graph: x, y_, w1, w2, loss."""
    x = tf.placeholder(tf.float32, shape=(None, 2))
    y_ = tf.placeholder(tf.float32, shape=(None, 1))
    w1, w2 = bagu.parameters()
    a, y = bagu.forward(x, w1, w2)
    loss = tf.reduce_mean(tf.square(y - y_))
    return x, y_, w1, w2, loss


def tensorflow_run(name, X, Y, steps, batch_size, log_every, learning_rate):
    """Train tf3_6's network, in a graph of its own, with bagu.optimizer(name)."""
    with tf.Graph().as_default():
        x, y_, w1, w2, loss = tf3_6_network()
        optimizer = bagu.optimizer(name, learning_rate)
        # minimize(loss) in its two halves, so that the gradients it applies
        # can be fetched in the same sess.run
        grads_and_vars = optimizer.compute_gradients(loss, [w1, w2])
        train_step = optimizer.apply_gradients(grads_and_vars)
        grads = [g for g, _ in grads_and_vars]
        recorded = []

        with tf.Session(config=session_config()) as sess:
            sess.run(tf.global_variables_initializer())
            initial = sess.run([w1, w2])

            def step(xs, ys):
                g, _ = sess.run([grads, train_step], feed_dict={x: xs, y_: ys})
                recorded.append(g)

            def total_loss(xs, ys):
                return sess.run(loss, feed_dict={x: xs, y_: ys})

            history = bagu.iterate(step, total_loss, X, Y, steps, batch_size, log_every)
            return Run(initial, dict(history), recorded, sess.run([w1, w2]))


def numpy_run(name, initial, X, Y, steps, batch_size, log_every, learning_rate, dtype):
    """Train the same network by hand from the weights `initial`, in `dtype`.

    X and Y are converted to `dtype` first, as tf3_6's float32 placeholders
    convert what is fed to them.
    """
    X, Y = np.asarray(X, dtype), np.asarray(Y, dtype)
    weights = [np.asarray(w, dtype) for w in initial]
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
    return Run(
        [np.asarray(w, dtype) for w in initial], dict(history), recorded, weights
    )


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
        "gradients": max(
            max(_largest(g, h) for g, h in zip(gs, hs, strict=True))
            / (1 + max(_largest(h, 0) for h in hs))
            for gs, hs in zip(one.grads, other.grads, strict=True)
        ),
        "w1": _largest(one.trained[0], other.trained[0]),
        "w2": _largest(one.trained[1], other.trained[1]),
    }


def _largest(a, b):
    """max |a - b|, computed in float64 whatever the arrays' own types."""
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))
