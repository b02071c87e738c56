#include <stdio.h>
#include "helper.h"

/* a comment line */
static int classify(int a, int b)
{
    if (a > 0 && b > 0)
        return 1;
    else if (a < 0 || b < 0)
        return -1;
    return 0;
}

static int unused(int x)
{
    if (x)
    {
        return x * 2;
    }
    return 0; // GCOVR_EXCL_LINE
}

int excluded_fn(int y)
{
    /* LCOV_EXCL_START */
    if (y > 3)
        return y;
    /* LCOV_EXCL_STOP */
    return 0;
}

int main(int argc, char **argv)
{
    int s = 0;
    for (int i = -2; i < 3; i++) {
        s += classify(i, argc);
        s += twice(i);
    }
    switch (argc) {
    case 1:
        s++;
        break;
    case 5:
        s--;
        break;
    default:
        s += unused(argc);
    }
    printf("%d\n", s + excluded_fn(argc));
    return 0;
}
