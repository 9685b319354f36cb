"""The four-step template (搭建神经网络的八股) of section 3.3.

    0. 准备 prepare: import modules, constants, generate the data set
    1. 前向传播 forward pass: define the input, the parameters and the output
    2. 反向传播 backward pass: define the loss and the training method
    3. 迭代 iterate: start a session and train for STEPS steps

Steps 1 and 3 live here, written once, for every script that builds the notes'
2-3-1 network or trains it. Each function's body is the notes' own lines.
"""

from lessons.compat import tf


def parameters():
    """Step 1, the parameters: w1 (2x3) and w2 (3x1), normal, stddev 1, seed 1."""
    w1 = tf.Variable(tf.random_normal([2, 3], stddev=1, seed=1), name="w1")
    w2 = tf.Variable(tf.random_normal([3, 1], stddev=1, seed=1), name="w2")
    return w1, w2


def forward(x, w1, w2):
    """Step 1, the forward pass (前向传播): hidden layer a = x w1, output y = a w2."""
    a = tf.matmul(x, w1)
    y = tf.matmul(a, w2)
    return a, y


def print_parameters(sess, w1, w2):
    """Print the parameters' current values, as the notes do: print "w1:\n", w1."""
    print_values(sess.run(w1), sess.run(w2))


def print_values(w1, w2):
    """Print w1 and w2, already computed (arrays), the way print_parameters does."""
    print("w1:")
    print(w1)
    print("w2:")
    print(w2)


OPTIMIZERS = ("gd", "momentum", "adam")


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


# The line the notes print every 500 steps; every training loop prints it.
LOSS_LINE = "After %d training step(s), loss on all data is %g"


def train(sess, train_step, loss, x, y_, X, Y, steps, batch_size, log_every):
    """Step 3, the loop (循环迭代): feed batch after batch, log the loss on all data.

    Each step is the notes' sess.run(train_step, feed_dict={x: X[start:end],
    y_: Y[start:end]}), in the loop of `iterate`. Prints the notes' line every
    `log_every` steps and returns the logged (step, loss) pairs.
    """
    return iterate(
        lambda xs, ys: sess.run(train_step, feed_dict={x: xs, y_: ys}),
        lambda xs, ys: sess.run(loss, feed_dict={x: xs, y_: ys}),
        X,
        Y,
        steps,
        batch_size,
        log_every,
    )


def iterate(train_step, loss, X, Y, steps, batch_size, log_every):
    """The loop of step 3 for any way of computing: TF 1 graphs, TF 2, NumPy.

    `train_step(xs, ys)` trains on one batch; `loss(xs, ys)` returns the loss
    on the rows given. Prints the notes' line every `log_every` steps and
    returns the logged (step, loss) pairs.
    """
    history = []
    for i in range(steps):
        start = (i * batch_size) % len(X)
        end = start + batch_size
        train_step(X[start:end], Y[start:end])
        if i % log_every == 0:
            total_loss = loss(X, Y)
            print(LOSS_LINE % (i, total_loss))
            history.append((i, float(total_loss)))
    return history
