#include "common.h"

extern int a_func(int);

int b_func(int x)
{
    int s = 0;
    for (int i = 0; i < x; i++)
    {
        s += pick(i, x - i);
    }
    return s; // LCOV_EXCL_LINE
}

int main(int argc, char **argv)
{
    (void)argv;
    int t = b_func(argc + 3) + a_func(argc) + a_func(argc + 20);
    if (t > 1000 || argc > 7)
        return 1;
    return 0;
}
