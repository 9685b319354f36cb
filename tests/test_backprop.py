"""lessons.backprop: the notes' δ recursion and update rules, checked three ways.

Against tf.gradients (TensorFlow's own differentiation), against central
finite differences in float64 (no TensorFlow at all), and against the notes'
formulas for one part written literally with column vectors.
"""

import inspect
import itertools

import numpy as np
import pytest
from conftest import tf3_6_network
from lecture import W1_UNTRAINED, W2_UNTRAINED

from lessons import backprop, bagu
from lessons.compat import tf
from lessons.data import generate_dataset

# The tolerance asked of every gradient check below, relative and absolute.
GRADIENT_TOL = 1e-6
# Central differences with this step err by about h² (truncation) plus
# 1e-16 / h (rounding): about 1e-10 here, far inside GRADIENT_TOL.
H = 1e-5

X, Y = generate_dataset()
BATCHES = [slice(start, start + 8) for start in (0, 8, 16, 24)]


def tf_activation(name):
    return {"identity": tf.identity, "sigmoid": tf.sigmoid, "relu": tf.nn.relu}[name]


def net_2_4_3_1():
    """A 2-4-3-1 network with biases, drawn from a fixed NumPy seed."""
    rng = np.random.RandomState(3)
    sizes = [2, 4, 3, 1]
    weights = [rng.normal(size=(m, n)) for m, n in itertools.pairwise(sizes)]
    biases = [rng.normal(size=n) for n in sizes[1:]]
    return weights, biases


LAYER_ACTIVATIONS = {
    "sigmoid": [backprop.SIGMOID] * 3,
    "relu, sigmoid, identity": [backprop.RELU, backprop.SIGMOID, backprop.IDENTITY],
}


# --- against tf.gradients ---------------------------------------------------


def test_tf3_6_gradients_equal_tf_gradients():
    """tf3_6's own float32 graph, at its untrained w1 and w2, on every batch."""
    with tf.Graph().as_default():
        x, y_, w1, w2, loss = tf3_6_network()
        grads = tf.gradients(loss, [w1, w2])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            weights = [w.astype(np.float64) for w in sess.run([w1, w2])]
            for rows in [slice(None), *BATCHES]:
                xs = np.asarray(X[rows], np.float32)  # what the placeholder holds
                ys = np.asarray(Y[rows], np.float64)
                by_tf = sess.run(grads, feed_dict={x: xs, y_: ys})
                by_hand, no_biases = backprop.gradients(
                    xs.astype(np.float64), ys, weights
                )
                assert no_biases is None
                for g_tf, g in zip(by_tf, by_hand, strict=True):
                    # float32 against float64: measured within 2e-7 relative
                    np.testing.assert_allclose(
                        g_tf, g, rtol=GRADIENT_TOL, atol=GRADIENT_TOL
                    )
    np.testing.assert_allclose(weights[0], W1_UNTRAINED, rtol=1e-6)
    np.testing.assert_allclose(weights[1], W2_UNTRAINED, rtol=1e-6)


@pytest.mark.parametrize("activations", LAYER_ACTIVATIONS)
def test_2_4_3_1_gradients_with_biases_equal_tf_gradients(activations):
    fs = LAYER_ACTIVATIONS[activations]
    weights, biases = net_2_4_3_1()
    xs, ys = np.asarray(X), np.asarray(Y, np.float64)
    with tf.Graph().as_default():
        w = [tf.constant(v) for v in weights]
        b = [tf.constant(v) for v in biases]
        a = tf.constant(xs)
        for layer in range(3):
            a = tf_activation(fs[layer].name)(tf.matmul(a, w[layer]) + b[layer])
        loss = tf.reduce_mean(tf.square(a - ys))
        with tf.Session() as sess:
            dw_tf, db_tf = sess.run([tf.gradients(loss, w), tf.gradients(loss, b)])
            loss_tf = sess.run(loss)
    dw, db = backprop.gradients(xs, ys, weights, biases, fs)
    _, a_hand = backprop.forward(xs, weights, biases, fs)
    assert backprop.mse(a_hand[-1], ys) == pytest.approx(loss_tf, rel=1e-12)
    for g_tf, g in zip(dw_tf + db_tf, dw + db, strict=True):
        assert g.shape == g_tf.shape
        np.testing.assert_allclose(g, g_tf, rtol=GRADIENT_TOL, atol=GRADIENT_TOL)


# --- against finite differences ---------------------------------------------


def numerical_gradient(loss_of, params):
    """Central differences of loss_of(params) in every entry of every array."""
    grads = []
    for p in params:
        g = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            saved = p[index]
            p[index] = saved + H
            up = loss_of(params)
            p[index] = saved - H
            down = loss_of(params)
            p[index] = saved
            g[index] = (up - down) / (2 * H)
        grads.append(g)
    return grads


@pytest.mark.parametrize("activations", LAYER_ACTIVATIONS)
def test_2_4_3_1_gradients_equal_finite_differences(activations):
    fs = LAYER_ACTIVATIONS[activations]
    weights, biases = net_2_4_3_1()
    xs, ys = np.asarray(X[:8]), np.asarray(Y[:8], np.float64)

    def loss_of(params):
        _, a = backprop.forward(xs, params[:3], params[3:], fs)
        return backprop.mse(a[-1], ys)

    numerical = numerical_gradient(loss_of, weights + biases)
    dw, db = backprop.gradients(xs, ys, weights, biases, fs)
    for g, n in zip(dw + db, numerical, strict=True):
        np.testing.assert_allclose(g, n, rtol=GRADIENT_TOL, atol=GRADIENT_TOL)


def test_tf3_6_gradients_equal_finite_differences():
    weights = [np.array(W1_UNTRAINED), np.array(W2_UNTRAINED)]
    xs, ys = np.asarray(X), np.asarray(Y, np.float64)

    def loss_of(params):
        _, a = backprop.forward(xs, params)
        return backprop.mse(a[-1], ys)

    numerical = numerical_gradient(loss_of, weights)
    dw, _ = backprop.gradients(xs, ys, weights)
    for g, n in zip(dw, numerical, strict=True):
        np.testing.assert_allclose(g, n, rtol=GRADIENT_TOL, atol=GRADIENT_TOL)


@pytest.mark.parametrize("f", backprop.ACTIVATIONS.values(), ids=lambda f: f.name)
def test_each_derivative_is_the_slope_of_its_function(f):
    z = np.array([-3.0, -0.5, 0.25, 2.0])  # away from relu's kink at 0
    slope = (f.f(z + H) - f.f(z - H)) / (2 * H)
    np.testing.assert_allclose(f.df(z), slope, rtol=1e-8, atol=1e-8)


# --- against the notes' formulas, one part as a column vector ---------------


def notes_gradients(x, y, w_notes, b_notes, fs):
    """The notes' 进阶 for one part, literally: columns, J = 1/2 ||a^L - y||²."""
    a, z = [x.reshape(-1, 1)], []
    for w, b, f in zip(w_notes, b_notes, fs, strict=True):
        z.append(w @ a[-1] + b.reshape(-1, 1))  # z^l = w^l a^{l-1} + b^l
        a.append(f.f(z[-1]))
    delta = (a[-1] - y.reshape(-1, 1)) * fs[-1].df(z[-1])  # δ^L
    dw, db = [], []
    for layer in range(len(w_notes) - 1, -1, -1):
        dw.insert(0, delta @ a[layer].T)  # ∂J/∂w^l = δ^l (a^{l-1})^T
        db.insert(0, delta.ravel())  # ∂J/∂b^l = δ^l
        if layer > 0:  # δ^{l-1} = ((w^l)^T δ^l) ⊙ f'(z^{l-1})
            delta = (w_notes[layer].T @ delta) * fs[layer - 1].df(z[layer - 1])
    return dw, db


def test_lesson_gradients_are_the_notes_gradients_transposed_and_scaled():
    """loss = mean over n parts of the squared error = (2 / n) sum_k J_k (m = 1)."""
    fs = LAYER_ACTIVATIONS["sigmoid"]
    weights, biases = net_2_4_3_1()
    xs, ys = np.asarray(X[:8]), np.asarray(Y[:8], np.float64)
    w_notes = [w.T for w in weights]  # w_code = (w_notes)^T
    summed_dw = [np.zeros_like(w) for w in w_notes]
    summed_db = [np.zeros_like(b) for b in biases]
    for x, y in zip(xs, ys, strict=True):
        dw, db = notes_gradients(x, y, w_notes, biases, fs)
        summed_dw = [s + g for s, g in zip(summed_dw, dw, strict=True)]
        summed_db = [s + g for s, g in zip(summed_db, db, strict=True)]
    dw, db = backprop.gradients(xs, ys, weights, biases, fs)
    n = len(xs)
    for g, s in zip(dw, summed_dw, strict=True):
        np.testing.assert_allclose(g, (2 / n) * s.T, rtol=1e-12)
    for g, s in zip(db, summed_db, strict=True):
        np.testing.assert_allclose(g, (2 / n) * s, rtol=1e-12)


# --- the update rules ---------------------------------------------------------


def test_momentum_accumulates_past_gradients():
    """d_i = β d_{i-1} + g, θ_i = θ_{i-1} - α d_i, by hand for two steps."""
    optimizer = backprop.Momentum(0.1, momentum=0.9)
    theta = [np.array([1.0])]
    theta = optimizer.step(theta, [np.array([2.0])])  # d_1 = 2
    assert theta[0][0] == pytest.approx(1.0 - 0.1 * 2.0)
    theta = optimizer.step(theta, [np.array([3.0])])  # d_2 = 0.9 * 2 + 3
    assert theta[0][0] == pytest.approx(0.8 - 0.1 * (0.9 * 2.0 + 3.0))


def test_adams_first_step_is_the_learning_rate_against_the_gradient():
    """At t = 1 the bias correction makes the step α g / |g| (for |g| >> ε)."""
    optimizer = backprop.Adam(0.001)
    theta = optimizer.step([np.array([1.0, 1.0])], [np.array([-4.0, 0.5])])
    np.testing.assert_allclose(theta[0], [1.001, 0.999], rtol=1e-9)


# TensorFlow 1 turns every hyperparameter into a float32 tensor, and keeps
# Adam's β1^t and β2^t in float32 variables, even for float64 parameters.
# These values and their first five powers are exact in float32, so that the
# update rules can be compared to 1e-12 rather than to float32's rounding.
LR, BETA, BETA1, BETA2, EPSILON = 2**-10, 0.875, 0.875, 0.75, 2**-27

UPDATE_RULES = {
    "gd": (
        lambda: tf.train.GradientDescentOptimizer(LR),
        lambda: backprop.GradientDescent(LR),
    ),
    "momentum": (
        lambda: tf.train.MomentumOptimizer(LR, BETA),
        lambda: backprop.Momentum(LR, BETA),
    ),
    "adam": (
        lambda: tf.train.AdamOptimizer(LR, BETA1, BETA2, EPSILON),
        lambda: backprop.Adam(LR, BETA1, BETA2, EPSILON),
    ),
}


@pytest.mark.parametrize("name", UPDATE_RULES)
def test_each_update_rule_is_tensorflows(name):
    """Five updates fed the same gradients as TensorFlow's optimizer, in float64.

    The gradients span 1e-9 to 3, so Adam's ε matters for some entries: it is
    added to sqrt(v), before the bias correction.
    """
    tf_optimizer, numpy_optimizer = UPDATE_RULES[name]
    gradients = np.random.RandomState(5).normal(size=(5, 4)) * [3, 1, 1e-6, 1e-9]
    theta = np.array([1.0, -2.0, 0.5, 0.25])
    with tf.Graph().as_default():
        var = tf.Variable(theta)
        g = tf.placeholder(tf.float64, shape=(4,))
        update = tf_optimizer().apply_gradients([(g, var)])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            by_tf = []
            for step in gradients:
                sess.run(update, feed_dict={g: step})
                by_tf.append(sess.run(var))
    optimizer = numpy_optimizer()
    by_hand = [theta]
    for step in gradients:
        by_hand.append(optimizer.step(by_hand[-1:], [step])[0])
    np.testing.assert_allclose(by_hand[1:], by_tf, rtol=1e-12, atol=0)


def test_adams_defaults_are_tensorflows():
    defaults = inspect.signature(tf.train.AdamOptimizer).parameters
    adam = backprop.Adam(0.001)
    for name in ("beta1", "beta2", "epsilon"):
        assert getattr(adam, name) == defaults[name].default, name


def test_float32_parameters_stay_float32():
    for name in bagu.OPTIMIZERS:
        optimizer = backprop.optimizer(name, 0.001)
        theta = [np.ones(3, np.float32)]
        for _ in range(2):
            theta = optimizer.step(theta, [np.full(3, 0.5, np.float32)])
        assert theta[0].dtype == np.float32, name


def test_unknown_names_are_refused():
    with pytest.raises(ValueError, match="'sgd'"):
        backprop.optimizer("sgd", 0.001)
    with pytest.raises(ValueError, match="2 activations for 3 layers"):
        backprop.forward(X, net_2_4_3_1()[0], f=[backprop.RELU] * 2)
