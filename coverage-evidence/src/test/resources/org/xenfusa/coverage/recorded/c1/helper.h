static inline int twice(int v)
{
    if (v > 100)
        return 0;
    return v * 2;
}
