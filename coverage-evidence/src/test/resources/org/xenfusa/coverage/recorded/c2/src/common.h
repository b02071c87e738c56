#ifndef COMMON_H
#define COMMON_H
#define CLAMP(v, lo, hi) ((v) < (lo) ? (lo) : ((v) > (hi) ? (hi) : (v)))
/*
 * A block comment
 * over several lines.
 */
static inline int pick(int a, int b)
{
    if (a > b)
        return a;
    else
        return b;
}
#endif
