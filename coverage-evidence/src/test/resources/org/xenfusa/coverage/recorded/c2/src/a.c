#include "common.h"

int a_func(int x)
{
    int r = 0;
    switch (x) {
    case 0: r = 1; break;
    case 1: r = 2; break;
    default: r = CLAMP(x, 0, 10);
    }
    if (x > 100) { // GCOVR_EXCL_BR_LINE
        r = -1;
    }
    while (x-- > 0)
        r += pick(x, r) ? 1 : 0;
    return r;
}

int a_never(int y)
{
    return y > 2 && y < 5 ? /* inline comment */ 1 : 0;
}
