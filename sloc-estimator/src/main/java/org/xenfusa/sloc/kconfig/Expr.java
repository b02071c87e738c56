package org.xenfusa.sloc.kconfig;

import java.util.Objects;

/**
 * A Kconfig expression, as in {@code depends on}, {@code default ... if}, {@code select ... if}.
 * Comparisons only ever relate two symbols (constants are symbols too), as in the C grammar.
 */
public sealed interface Expr {

    /** A symbol (or constant) used as a tristate. */
    record Sym(KconfigSymbol symbol) implements Expr {
        public Sym {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** Negation: 2 - x. */
    record Not(Expr operand) implements Expr {
    }

    /** Conjunction: min. */
    record And(Expr left, Expr right) implements Expr {
    }

    /** Disjunction: max. */
    record Or(Expr left, Expr right) implements Expr {
    }

    /** A comparison of two symbols' string values (numerically when both parse as numbers). */
    record Compare(Relation relation, KconfigSymbol left, KconfigSymbol right) implements Expr {
    }

    /** The comparison operators. */
    enum Relation {
        EQUAL("="), UNEQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">=");

        final String token;

        Relation(String token) {
            this.token = token;
        }
    }

    /** {@code a && b} where either side may be absent (an absent side is 'y'). */
    static Expr and(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new And(a, b);
    }

    static Expr or(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Or(a, b);
    }

    /** Kconfig notation, parenthesised like the C tools print it. */
    static String format(Expr e) {
        if (e == null) {
            return "y";
        }
        StringBuilder sb = new StringBuilder();
        print(e, sb, 0);
        return sb.toString();
    }

    private static void print(Expr e, StringBuilder sb, int parentPrecedence) {
        if (e instanceof Sym s) {
            sb.append(s.symbol().displayName());
        } else if (e instanceof Not n) {
            sb.append('!');
            print(n.operand(), sb, 3);
        } else if (e instanceof And a) {
            {
                boolean paren = parentPrecedence > 2;
                if (paren) {
                    sb.append('(');
                }
                print(a.left(), sb, 2);
                sb.append(" && ");
                print(a.right(), sb, 2);
                if (paren) {
                    sb.append(')');
                }
            }
        } else if (e instanceof Or o) {
            {
                boolean paren = parentPrecedence > 1;
                if (paren) {
                    sb.append('(');
                }
                print(o.left(), sb, 1);
                sb.append(" || ");
                print(o.right(), sb, 1);
                if (paren) {
                    sb.append(')');
                }
            }
        } else if (e instanceof Compare c) {
            {
                boolean paren = parentPrecedence > 2;
                if (paren) {
                    sb.append('(');
                }
                sb.append(c.left().displayName()).append(' ').append(c.relation().token).append(' ')
                        .append(c.right().displayName());
                if (paren) {
                    sb.append(')');
                }
            }
        }
    }
}
