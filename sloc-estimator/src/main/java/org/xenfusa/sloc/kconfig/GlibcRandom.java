package org.xenfusa.sloc.kconfig;

/**
 * glibc's {@code srand()}/{@code rand()} (the additive feedback generator of random_r, TYPE_3),
 * so that a randconfig seed gives the same configuration as {@code KCONFIG_SEED} does with conf.
 */
final class GlibcRandom {
    private final int[] state = new int[34];
    private int front;
    private int rear;

    GlibcRandom(int seed) {
        int s = seed == 0 ? 1 : seed;
        int[] r = new int[34];
        r[0] = s;
        for (int i = 1; i < 31; i++) {
            long word = r[i - 1];
            long hi = word / 127773;
            long lo = word % 127773;
            long w = 16807 * lo - 2836 * hi;
            if (w < 0) {
                w += 2147483647;
            }
            r[i] = (int) w;
        }
        System.arraycopy(r, 0, state, 0, 31);
        front = 3;
        rear = 0;
        for (int i = 0; i < 310; i++) {
            step();
        }
    }

    private int step() {
        state[front] += state[rear];
        int result = state[front] >>> 1;
        front = (front + 1) % 31;
        rear = (rear + 1) % 31;
        return result;
    }

    /** The next {@code rand()} value, in [0, 2^31). */
    int next() {
        return step();
    }
}
