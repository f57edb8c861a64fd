package io.broadsheet.encoder.training;

/**
 * Weighted, L2-regularised logistic regression fitted by full-batch gradient descent with momentum.
 * Enough for a linear head over a few tens of thousands of unit-length sentence vectors: the loss is
 * convex and the inputs are already on one scale, so a fixed step converges in a few hundred passes.
 */
final class LogisticRegression {

    static final int ITERATIONS = 300;
    static final double STEP = 0.5;
    static final double MOMENTUM = 0.9;
    static final double L2 = 1e-3;

    record Model(float[] weights, float bias) {

        double logit(float[] x) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return z;
        }
    }

    private LogisticRegression() {
    }

    /** @param weights per example; normalised to sum to 1 */
    static Model fit(float[][] x, boolean[] y, double[] weights) {
        int n = x.length;
        int d = x[0].length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] w = new double[d];
        double b = 0;
        double[] velocity = new double[d];
        double velocityB = 0;
        double[] gradient = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            double gradientB = 0;
            for (int i = 0; i < n; i++) {
                float[] xi = x[i];
                double z = b;
                for (int k = 0; k < d; k++) {
                    z += w[k] * xi[k];
                }
                double error = (1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0)) * weights[i] / total;
                for (int k = 0; k < d; k++) {
                    gradient[k] += error * xi[k];
                }
                gradientB += error;
            }
            for (int k = 0; k < d; k++) {
                velocity[k] = MOMENTUM * velocity[k] - STEP * (gradient[k] + L2 * w[k]);
                w[k] += velocity[k];
            }
            velocityB = MOMENTUM * velocityB - STEP * gradientB;
            b += velocityB;
        }
        float[] weightsOut = new float[d];
        for (int k = 0; k < d; k++) {
            weightsOut[k] = (float) w[k];
        }
        return new Model(weightsOut, (float) b);
    }
}
