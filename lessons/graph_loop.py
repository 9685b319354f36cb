"""The loop of step 3 (循环迭代), run inside the graph: many steps, one sess.run.

bagu.train is the notes' loop: one `sess.run` per batch, and each run pays the
session's fixed cost, several times the arithmetic of a step. For uses that
need many steps and no printing (comparing optimizers, long trajectories in
tests), `training_loop` builds the same loop as one op with `tf.while_loop`:
the same batches in the same order, the same update, the loss on all data
logged after the same steps, so its numbers are bagu.train's.

    losses = graph_loop.training_loop(opt, w1, w2, X, Y, 3000, 8, 500)
    sess.run(tf.global_variables_initializer())
    history = graph_loop.history(sess.run(losses), 500)

Any of the notes' three optimizers (bagu.optimizer) works: `apply_gradients`
creates their slot variables (momentum's accumulator, Adam's moments) outside
the loop, so run the initializer after building the loop, as above.
"""

import numpy as np

from lessons import bagu
from lessons.compat import tf


def mean_squared_error(y, y_):
    """The notes' loss (3.3): tf.reduce_mean(tf.square(y - y_))."""
    return tf.reduce_mean(tf.square(y - y_))


def training_loop(
    optimizer, w1, w2, X, Y, steps, batch_size, log_every, record_gradients=False
):
    """Build `steps` steps of the notes' loop as one op; return the logged losses.

    Step i trains on the rows start = (i * batch_size) % len(X) to start +
    batch_size; after the steps i with i % log_every == 0 it computes the
    loss on all data. Running the returned tensor runs all the steps and
    gives those losses, in order.

    With `record_gradients`, returns (losses, [dw1, dw2]) instead, where
    dw1[i] is the gradient step i applied to w1 (shape [steps, 2, 3]): run
    both in one sess.run, and the gradients are read after the last step.
    """
    X = tf.constant(np.asarray(X, dtype=np.float32))
    Y = tf.constant(np.asarray(Y, dtype=np.float32))
    data_size = int(X.shape[0])
    logged = len(range(0, steps, log_every))
    recorded = []
    if record_gradients:
        recorded = [
            tf.Variable(tf.zeros([steps, *w.shape.as_list()]), trainable=False)
            for w in (w1, w2)
        ]

    def train_step(i):
        # The loop carries only i: these control dependencies order a step's
        # reads of w1 and w2 after the previous step's update, and the next
        # step after this one's.
        with tf.control_dependencies([i]):
            start = (i * batch_size) % data_size
            end = start + batch_size
            x, y_ = X[start:end], Y[start:end]
            w1_now, w2_now = tf.identity(w1), tf.identity(w2)
            _, y = bagu.forward(x, w1_now, w2_now)
            loss = mean_squared_error(y, y_)
            grads = tf.gradients(loss, [w1_now, w2_now])
            update = optimizer.apply_gradients(zip(grads, [w1, w2], strict=True))
            records = (
                [r[i].assign(g) for r, g in zip(recorded, grads, strict=True)]
                if recorded
                else []
            )
        with tf.control_dependencies([update, *records]):
            return i + 1

    # One block of log_every steps: the first step, the loss on all data, then
    # the other steps in an inner loop. Cheaper than asking at every step
    # whether to log.
    def block(k, losses):
        first = k * log_every
        after_first = train_step(first)
        with tf.control_dependencies([after_first]):
            total_loss = mean_squared_error(bagu.forward(X, w1, w2)[1], Y)
            losses = losses.write(k, total_loss)
        with tf.control_dependencies([total_loss]):
            end = tf.minimum(first + log_every, steps)
            done = tf.while_loop(lambda i: i < end, train_step, [after_first])
        with tf.control_dependencies([done]):
            return k + 1, losses

    _, losses = tf.while_loop(
        lambda k, losses: k < logged,
        block,
        [tf.constant(0), tf.TensorArray(tf.float32, size=logged, element_shape=[])],
    )
    losses = losses.stack()
    if not record_gradients:
        return losses
    with tf.control_dependencies([losses]):
        return losses, [r.read_value() for r in recorded]


def history(losses, log_every):
    """The (step, loss) pairs bagu.train returns, from the logged losses."""
    return [(k * log_every, float(loss)) for k, loss in enumerate(losses)]
