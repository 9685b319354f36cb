"""The four-step template (搭建神经网络的八股) of section 3.3.

    0. 准备 prepare: import modules, constants, generate the data set
    1. 前向传播 forward pass: define the input, the parameters and the output
    2. 反向传播 backward pass: define the loss and the training method
    3. 迭代 iterate: start a session and train for STEPS steps

Steps 1, 2 and 3 live here, written once, for every script that builds the
notes' 2-3-1 network or trains it: the parameters, the forward pass, the
optimizers and the loop are the notes' own lines; the rest (flags, the check
for a diverging loss) is what a script run from the command line adds.
"""

import math
import sys

import numpy as np

from lessons.compat import tf


def parameters():
    """Step 1, the parameters: w1 (2x3) and w2 (3x1), normal, stddev 1, seed 1."""
    w1 = tf.Variable(tf.random_normal([2, 3], stddev=1, seed=1), name="w1")
    w2 = tf.Variable(tf.random_normal([3, 1], stddev=1, seed=1), name="w2")
    return w1, w2


def forward(x, w1, w2):
    """Step 1, the forward pass (前向传播): hidden layer a = x w1, output y = a w2."""
    with tf.name_scope("forward"):  # extra: one named box in TensorBoard's graph
        a = tf.matmul(x, w1)
        y = tf.matmul(a, w2)
    return a, y


def print_parameters(sess, w1, w2):
    """Print the parameters' current values, as the notes do: print "w1:\n", w1."""
    print_values(*sess.run([w1, w2]))


def print_values(w1, w2):
    """Print w1 and w2, already computed (arrays), the way print_parameters does."""
    print("w1:")
    print(w1)
    print("w2:")
    print(w2)


# The notes' three training methods (反向传播训练方法), by their flag names.
OPTIMIZER_CLASSES = {
    "gd": "GradientDescentOptimizer",
    "momentum": "MomentumOptimizer",
    "adam": "AdamOptimizer",
}
OPTIMIZERS = tuple(OPTIMIZER_CLASSES)


def optimizer(name, learning_rate, momentum=0.9):
    """Step 2, the backward pass (反向传播): one of the notes' three optimizers.

    "gd" is tf.train.GradientDescentOptimizer(learning_rate), "momentum" is
    tf.train.MomentumOptimizer(learning_rate, momentum), "adam" is
    tf.train.AdamOptimizer(learning_rate).
    """
    if name == "gd":
        return tf.train.GradientDescentOptimizer(learning_rate)
    if name == "momentum":
        return tf.train.MomentumOptimizer(learning_rate, momentum)
    if name == "adam":
        return tf.train.AdamOptimizer(learning_rate)
    raise ValueError(f"unknown optimizer {name!r}, expected one of {OPTIMIZERS}")


def optimizer_call(name, learning_rate, momentum=0.9):
    """The optimizer as the notes write it, e.g. "MomentumOptimizer(0.001, 0.9)"."""
    if name == "momentum":
        return "%s(%g, %g)" % (OPTIMIZER_CLASSES[name], learning_rate, momentum)
    return "%s(%g)" % (OPTIMIZER_CLASSES[name], learning_rate)


class Diverged(SystemExit):
    """Training stopped because the loss is no longer a finite number.

    A SystemExit with status 1: a script that does not catch it ends there,
    without a traceback, after its `with` blocks have closed.
    """

    def __init__(self, step):
        super().__init__(1)
        self.step = step


def _stop_if_diverged(loss_value, step, learning_rate):
    if math.isfinite(loss_value):
        return
    if learning_rate is None:
        advice = "try a smaller learning rate"
    else:
        advice = "with learning rate %g; try a smaller one, such as %g" % (
            learning_rate,
            learning_rate / 10,
        )
    print(
        "training stopped at step %d: the loss became %s %s "
        "(the notes suggest 0.01 or 0.001)" % (step, loss_value, advice),
        file=sys.stderr,
    )
    raise Diverged(step)


# The line the notes print every 500 steps; every training loop prints it.
LOSS_LINE = "After %d training step(s), loss on all data is %g"


def train(
    sess,
    train_step,
    loss,
    x,
    y_,
    X,
    Y,
    steps,
    batch_size,
    log_every,
    learning_rate,
    after_step=None,
):
    """Step 3, the loop (循环迭代): feed batch after batch, log the loss on all data.

    Each step is the notes' sess.run(train_step, feed_dict={x: X[start:end],
    y_: Y[start:end]}), in the loop of `iterate`. Prints the notes' line every
    `log_every` steps and returns the logged (step, loss) pairs.
    """
    # extra: converted once here, not by every sess.run (the same float32 values)
    X, Y = as_fed(x, X), as_fed(y_, Y)
    # extra: the step also checks that the batch's loss is finite. The check runs
    # inside the same sess.run and costs less than fetching the loss would.
    checked_step = tf.group(train_step, tf.debugging.check_numerics(loss, "loss"))

    def step(xs, ys):
        try:
            sess.run(checked_step, feed_dict={x: xs, y_: ys})
        except tf.errors.InvalidArgumentError:
            batch_loss = sess.run(loss, feed_dict={x: xs, y_: ys})
            if math.isfinite(batch_loss):
                raise  # not the check of the loss: a real error
            return batch_loss  # inf or nan: iterate stops the training
        return None

    return iterate(
        step,
        lambda xs, ys: sess.run(loss, feed_dict={x: xs, y_: ys}),
        X,
        Y,
        steps,
        batch_size,
        log_every,
        learning_rate=learning_rate,
        after_step=after_step,
    )


def as_fed(placeholder, values):
    """`values` as the array a sess.run converts them to when fed to `placeholder`."""
    return np.asarray(values, dtype=placeholder.dtype.as_numpy_dtype)


def iterate(
    train_step,
    loss,
    X,
    Y,
    steps,
    batch_size,
    log_every,
    learning_rate=None,
    after_step=None,
):
    """The loop of step 3 for any way of computing: TF 1 graphs, TF 2, NumPy.

    `train_step(xs, ys)` trains on one batch and returns None, or that batch's
    loss when it knows it; `loss(xs, ys)` returns the loss on the rows given.
    Prints the notes' line every `log_every` steps and returns the logged
    (step, loss) pairs.

    A learning rate too large (学习率过大) makes the loss overflow; training
    then stops at the first step whose loss is not finite, with one line on
    stderr that names `learning_rate`, by raising Diverged. A `train_step`
    that returns None is checked only at the logged steps, up to `log_every`
    - 1 steps late (tf3_6_tf2 and the NumPy runs, whose settings are fixed).
    `after_step(i)`, when given, is called after each step.

    Known shortcoming: the batch loss checked each step is the one computed
    before that step's update, because it comes with the step at no cost; an
    overflow caused by the very last update is not seen.
    """
    history = []
    for i in range(steps):
        start = (i * batch_size) % len(X)
        end = start + batch_size
        batch_loss = train_step(X[start:end], Y[start:end])
        if batch_loss is not None:
            _stop_if_diverged(batch_loss, i, learning_rate)
        if i % log_every == 0:
            total_loss = loss(X, Y)
            _stop_if_diverged(total_loss, i, learning_rate)
            print(LOSS_LINE % (i, total_loss))
            history.append((i, float(total_loss)))
        if after_step is not None:  # extra: --plot and --logdir record every step
            after_step(i)
    return history
