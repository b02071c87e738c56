package org.xenfusa.sloc.kconfig;

import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.sloc.xen.XenSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.kconfig.KconfigLexer.Kind;
import org.xenfusa.sloc.kconfig.KconfigLexer.Token;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * Reads a Kconfig tree (the top file and everything it sources) into a {@link KconfigTree}:
 * the grammar of the C parser, the dependency propagation of its menu finalisation, and every
 * problem kept as a diagnostic so that the rest of the tree stays usable.
 */
// [impl->dsn~kconfig-parser~1]
public final class KconfigParser {
    private final SourceTree tree;
    private final String srcDir;
    private final MacroExpander macros;
    private final SymbolTable symbols = new SymbolTable();
    private final List<KconfigDiagnostic> diagnostics = new ArrayList<>();
    private final List<ToolchainProbe> probes = new ArrayList<>();
    private final List<SymbolProperty> properties = new ArrayList<>();
    private final Deque<String> includeStack = new ArrayDeque<>();
    private final MenuNode root;
    private MenuNode currentMenu;
    private MenuNode currentEntry;
    private KconfigSymbol modulesSymbol;
    private KconfigSymbol defconfigList;
    private KconfigLexer lexer;
    private Token pushedBack;
    private boolean firstStatement = true;

    private KconfigParser(SourceTree tree, String srcDir, Map<String, String> environment, ToolchainProfile profile) {
        this.tree = tree;
        this.srcDir = srcDir.isEmpty() || srcDir.endsWith("/") ? srcDir : srcDir + "/";
        this.macros = new MacroExpander(environment, profile, diagnostics, probes);
        this.root = new MenuNode(MenuNode.Kind.ROOT, null, null, "Kconfig", 0);
    }

    /**
     * Reads Xen's Kconfig for {@code arch} ({@code x86_64}, {@code arm64}, {@code arm32},
     * {@code riscv64}, {@code ppc64}) from {@code srcDir/Kconfig} of the tree, with the
     * environment Xen's Makefile gives kconfig and the toolchain answers of {@code profile}.
     *
     * @throws org.xenfusa.sloc.xen.UnsupportedXenReleaseException for a release before Xen 4.14 (see {@link XenSupport})
     */
    public static KconfigTree parse(SourceTree tree, String srcDir, String arch, ToolchainProfile profile) {
        XenArch xenArch = XenArch.of(arch);
        XenSupport.check(tree, srcDir);
        Map<String, String> env = XenKconfigEnvironment.of(tree, srcDir, xenArch, profile);
        return parse(tree, srcDir, "Kconfig", env, profile, xenArch);
    }

    /** Reads any Kconfig tree: {@code topFile} relative to {@code srcDir}, macros see {@code environment}. */
    public static KconfigTree parse(SourceTree tree, String srcDir, String topFile, Map<String, String> environment,
            ToolchainProfile profile) {
        return parse(tree, srcDir, topFile, environment, profile, null);
    }

    private static KconfigTree parse(SourceTree tree, String srcDir, String topFile, Map<String, String> env,
            ToolchainProfile profile, XenArch arch) {
        KconfigParser p = new KconfigParser(tree, srcDir, env, profile);
        p.run(topFile);
        return new KconfigTree(p.root, p.symbols, p.properties, p.modulesSymbol, p.defconfigList, p.diagnostics,
                p.probes, env, profile, Optional.ofNullable(arch), tree, p.srcDir);
    }

    private void run(String topFile) {
        currentMenu = root;
        currentEntry = root;
        Optional<String> text = readFile(topFile);
        if (text.isEmpty()) {
            diagnostics.add(KconfigDiagnostic.error(topFile, 0, "can't find file " + topFile));
        } else {
            parseFile(topFile, text.get());
        }
        if (modulesSymbol == null) {
            modulesSymbol = symbols.no;
        }
        if (root.prompt == null) {
            currentEntry = root;
            addPrompt(SymbolProperty.Kind.MENU, "Main menu", null, "", 0);
        }
        new MenuFinalizer(symbols, modulesSymbol, diagnostics).finalizeTree(root);
    }

    private Optional<String> readFile(String path) {
        return tree.read(srcDir + path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private void parseFile(String path, String text) {
        KconfigLexer saved = lexer;
        Token savedPushback = pushedBack;
        lexer = new KconfigLexer(path, text, macros, diagnostics);
        pushedBack = null;
        macros.setPosition(lexer);
        includeStack.push(path);
        try {
            statements(null);
        } finally {
            includeStack.pop();
            lexer = saved;
            pushedBack = savedPushback;
            if (saved != null) {
                macros.setPosition(saved);
            }
        }
    }

    private Token next() {
        if (pushedBack != null) {
            Token t = pushedBack;
            pushedBack = null;
            return t;
        }
        return lexer.next();
    }

    private void pushBack(Token t) {
        pushedBack = t;
    }

    private String file() {
        return lexer.file();
    }

    private void error(int line, String message) {
        diagnostics.add(KconfigDiagnostic.error(file(), line, message));
    }

    private void warning(int line, String message) {
        diagnostics.add(KconfigDiagnostic.warning(file(), line, message));
    }

    /** Skips the rest of a statement after a syntax error, as the C parser's error rule does. */
    private void skipLine(Token t) {
        while (t.kind() != Kind.EOL && t.kind() != Kind.EOF) {
            t = next();
        }
    }

    /** A statement list; {@code block} is the end keyword that closes it, or null for a whole file. */
    private void statements(MenuNode block) {
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case EOL -> {
                    continue;
                }
                case EOF -> {
                    if (block != null) {
                        diagnostics.add(KconfigDiagnostic.error(block.file, block.line,
                                "missing end statement for this entry"));
                        endMenu();
                    }
                    return;
                }
                case ENDMENU, ENDCHOICE, ENDIF -> {
                    Token eol = next();
                    if (eol.kind() != Kind.EOL) {
                        error(t.line(), "invalid statement");
                        skipLine(eol);
                        continue;
                    }
                    String found = t.text();
                    if (block == null) {
                        error(t.line(), "invalid statement: '" + found + "' without a block to end");
                        continue;
                    }
                    String expected = switch (block.kind) {
                        case MENU -> "endmenu";
                        case CHOICE -> "endchoice";
                        default -> "endif";
                    };
                    if (!found.equals(expected)) {
                        error(t.line(), "unexpected '" + found.substring(3) + "' within "
                                + expected.substring(3) + " block");
                        continue;
                    }
                    endMenu();
                    return;
                }
                default -> statement(t);
            }
            firstStatement = false;
        }
    }

    private void statement(Token t) {
        switch (t.kind()) {
            case MAINMENU -> {
                Token prompt = next();
                Token eol = next();
                if (!isPrompt(prompt) || eol.kind() != Kind.EOL || !firstStatement || includeStack.size() > 1) {
                    error(t.line(), "invalid statement");
                    skipLine(eol);
                    return;
                }
                currentEntry = root;
                addPrompt(SymbolProperty.Kind.MENU, prompt.text(), null, file(), t.line());
            }
            case CONFIG, MENUCONFIG -> configEntry(t);
            case CHOICE -> choiceEntry(t);
            case MENU -> menuEntry(t);
            case COMMENT -> commentEntry(t);
            case IF -> ifEntry(t);
            case SOURCE -> sourceStatement(t);
            case WORD -> {
                Token op = next();
                if (op.kind() == Kind.EQUAL || op.kind() == Kind.COLON_EQUAL || op.kind() == Kind.PLUS_EQUAL) {
                    Token value = next();
                    String v = "";
                    if (value.kind() == Kind.ASSIGN_VAL) {
                        v = value.text();
                        value = next();
                    }
                    if (value.kind() != Kind.EOL) {
                        error(t.line(), "invalid statement");
                        skipLine(value);
                        return;
                    }
                    MacroExpander.Flavor flavor = switch (op.kind()) {
                        case COLON_EQUAL -> MacroExpander.Flavor.SIMPLE;
                        case PLUS_EQUAL -> MacroExpander.Flavor.APPEND;
                        default -> MacroExpander.Flavor.RECURSIVE;
                    };
                    try {
                        macros.addVariable(t.text(), v, flavor);
                    } catch (MacroExpander.MacroException e) {
                        error(t.line(), e.getMessage());
                    }
                    return;
                }
                error(t.line(), "unknown statement \"" + t.text() + "\"");
                skipLine(op);
            }
            default -> {
                error(t.line(), "invalid statement");
                skipLine(t);
            }
        }
    }

    private static boolean isPrompt(Token t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.WORD_QUOTE;
    }

    private MenuNode addEntry(MenuNode.Kind kind, KconfigSymbol sym, int line) {
        MenuNode node = new MenuNode(kind, sym, currentMenu, file(), line);
        currentMenu.children.add(node);
        currentEntry = node;
        if (sym != null) {
            sym.menus.add(node);
        }
        return node;
    }

    private void beginMenu() {
        currentMenu = currentEntry;
    }

    private void endMenu() {
        currentMenu = currentMenu.parent;
        currentEntry = currentMenu;
    }

    private SymbolProperty addProperty(SymbolProperty.Kind kind, String text, Expr value, KconfigSymbol target,
            KconfigSymbol high, Expr condition, String file, int line) {
        SymbolProperty p = new SymbolProperty(properties.size(), kind, text, value, target, high, condition,
                currentEntry, file, line);
        properties.add(p);
        if (currentEntry.symbol != null) {
            currentEntry.symbol.properties.add(p);
        }
        return p;
    }

    private void addPrompt(SymbolProperty.Kind kind, String prompt, Expr condition, String file, int line) {
        if (!prompt.isEmpty() && Character.isWhitespace(prompt.charAt(0))) {
            diagnostics.add(KconfigDiagnostic.warning(file, line, "leading whitespace ignored"));
            prompt = prompt.stripLeading();
        }
        if (currentEntry.prompt != null && currentEntry != root) {
            diagnostics.add(KconfigDiagnostic.warning(file, line, "prompt redefined"));
        }
        if (kind == SymbolProperty.Kind.PROMPT) {
            // 'visible if' of enclosing menus limits every prompt inside them
            for (MenuNode m = currentEntry.parent; m != null; m = m.parent) {
                if (m.visibility != null) {
                    condition = Expr.and(condition, m.visibility);
                }
            }
        }
        currentEntry.prompt = addProperty(kind, prompt, null, null, null, condition, file, line);
    }

    private void setType(SymbolType type, int line) {
        KconfigSymbol sym = currentEntry.symbol;
        if (sym.type == type) {
            return;
        }
        if (sym.type == SymbolType.UNKNOWN) {
            sym.type = type;
            return;
        }
        warning(line, "ignoring type redefinition of '" + sym.displayName() + "' from '" + sym.type.keyword()
                + "' to '" + type.keyword() + "'");
    }

    private void configEntry(Token start) {
        Token name = next();
        Token eol = next();
        if (name.kind() != Kind.WORD || eol.kind() != Kind.EOL) {
            error(start.line(), "invalid statement");
            skipLine(eol);
            return;
        }
        KconfigSymbol sym = symbols.lookup(name.text());
        if (sym.fixed != null) {
            error(start.line(), "invalid symbol name '" + name.text() + "'");
            return;
        }
        sym.flags |= KconfigSymbol.OPTIONAL;
        boolean menuconfig = start.kind() == Kind.MENUCONFIG;
        MenuNode node = addEntry(menuconfig ? MenuNode.Kind.MENUCONFIG : MenuNode.Kind.CONFIG, sym, start.line());
        while (true) {
            Token t = next();
            if (!configOption(t, node)) {
                pushBack(t);
                break;
            }
        }
        if (menuconfig) {
            if (node.prompt == null) {
                warning(start.line(), "menuconfig statement without prompt");
            }
        }
    }

    /** One line of a config entry; false when the line starts something else. */
    private boolean configOption(Token t, MenuNode node) {
        switch (t.kind()) {
            case EOL -> {
                return true;
            }
            case BOOL, TRISTATE, INT, HEX, STRING -> {
                SymbolType type = typeOf(t.kind());
                Token n = next();
                if (isPrompt(n)) {
                    Expr cond = ifExpr();
                    if (!expectEol(t)) {
                        return true;
                    }
                    addPrompt(SymbolProperty.Kind.PROMPT, n.text(), cond, file(), t.line());
                } else if (n.kind() != Kind.EOL) {
                    syntaxError(t, n);
                    return true;
                }
                setType(type, t.line());
                return true;
            }
            case PROMPT -> {
                Token n = next();
                if (!isPrompt(n)) {
                    syntaxError(t, n);
                    return true;
                }
                Expr cond = ifExpr();
                if (expectEol(t)) {
                    addPrompt(SymbolProperty.Kind.PROMPT, n.text(), cond, file(), t.line());
                }
                return true;
            }
            case DEFAULT, DEF_BOOL, DEF_TRISTATE -> {
                Expr value = expr();
                Expr cond = ifExpr();
                if (value == null || !expectEol(t)) {
                    return true;
                }
                addProperty(SymbolProperty.Kind.DEFAULT, null, value, null, null, cond, file(), t.line());
                if (t.kind() != Kind.DEFAULT) {
                    setType(t.kind() == Kind.DEF_BOOL ? SymbolType.BOOL : SymbolType.TRISTATE, t.line());
                }
                return true;
            }
            case SELECT, IMPLY -> {
                Token n = next();
                if (n.kind() != Kind.WORD) {
                    syntaxError(t, n);
                    return true;
                }
                Expr cond = ifExpr();
                if (expectEol(t)) {
                    addProperty(t.kind() == Kind.SELECT ? SymbolProperty.Kind.SELECT : SymbolProperty.Kind.IMPLY,
                            null, null, symbols.lookup(n.text()), null, cond, file(), t.line());
                }
                return true;
            }
            case RANGE -> {
                KconfigSymbol low = symbolOperand();
                KconfigSymbol high = low == null ? null : symbolOperand();
                if (high == null) {
                    error(t.line(), "syntax error in range");
                    skipLine(lastToken);
                    return true;
                }
                Expr cond = ifExpr();
                if (expectEol(t)) {
                    addProperty(SymbolProperty.Kind.RANGE, null, null, low, high, cond, file(), t.line());
                }
                return true;
            }
            case OPTION -> {
                Token n = next();
                if (!expectEol(t)) {
                    return true;
                }
                switch (n.kind()) {
                    case MODULES -> {
                        if (modulesSymbol != null) {
                            error(t.line(), "symbol '" + node.symbol.displayName()
                                    + "' redefines option 'modules' already defined by symbol '"
                                    + modulesSymbol.displayName() + "'");
                        } else {
                            modulesSymbol = node.symbol;
                        }
                    }
                    case DEFCONFIG_LIST -> {
                        if (defconfigList == null) {
                            defconfigList = node.symbol;
                        } else if (defconfigList != node.symbol) {
                            error(t.line(), "trying to redefine defconfig symbol");
                        }
                        defconfigList.flags |= KconfigSymbol.NO_WRITE;
                    }
                    case ALLNOCONFIG_Y -> node.symbol.flags |= KconfigSymbol.ALLNOCONFIG_Y;
                    default -> error(t.line(), "invalid option '" + n.text() + "'");
                }
                return true;
            }
            case DEPENDS -> {
                dependsOn(t);
                return true;
            }
            case HELP -> {
                help(t);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private Token lastToken = new Token(Kind.EOL, "", 0);

    private void syntaxError(Token start, Token at) {
        error(start.line(), "syntax error near '" + at.text() + "' in '" + start.text() + "' line");
        skipLine(at);
    }

    private boolean expectEol(Token start) {
        Token t = next();
        if (t.kind() != Kind.EOL) {
            syntaxError(start, t);
            return false;
        }
        return true;
    }

    private void dependsOn(Token t) {
        Token on = next();
        if (on.kind() != Kind.ON) {
            syntaxError(t, on);
            return;
        }
        Expr e = expr();
        if (e != null && expectEol(t)) {
            currentEntry.dependency = Expr.and(currentEntry.dependency, e);
        }
    }

    private void help(Token t) {
        if (!expectEol(t)) {
            return;
        }
        Token text = lexer.helpText();
        if (currentEntry.help != null) {
            warning(t.line(), "'" + (currentEntry.symbol == null ? "<choice>" : currentEntry.symbol.displayName())
                    + "' defined with more than one help text -- only the last one will be used");
        }
        if (text.text().isBlank()) {
            warning(t.line(), "'" + (currentEntry.symbol == null ? "<choice>" : currentEntry.symbol.displayName())
                    + "' defined with blank help text");
        }
        currentEntry.help = text.text();
    }

    private static SymbolType typeOf(Kind k) {
        return switch (k) {
            case BOOL -> SymbolType.BOOL;
            case TRISTATE -> SymbolType.TRISTATE;
            case INT -> SymbolType.INT;
            case HEX -> SymbolType.HEX;
            default -> SymbolType.STRING;
        };
    }

    private void choiceEntry(Token start) {
        Token t = next();
        String name = null;
        if (t.kind() == Kind.WORD) {
            name = t.text();
            t = next();
        }
        if (t.kind() != Kind.EOL) {
            syntaxError(start, t);
            return;
        }
        KconfigSymbol sym = symbols.choice(name);
        sym.flags |= KconfigSymbol.NO_WRITE;
        MenuNode node = addEntry(MenuNode.Kind.CHOICE, sym, start.line());
        while (true) {
            Token o = next();
            switch (o.kind()) {
                case EOL -> {
                    continue;
                }
                case PROMPT -> {
                    Token n = next();
                    if (!isPrompt(n)) {
                        syntaxError(o, n);
                        continue;
                    }
                    Expr cond = ifExpr();
                    if (expectEol(o)) {
                        addPrompt(SymbolProperty.Kind.PROMPT, n.text(), cond, file(), o.line());
                    }
                    continue;
                }
                case BOOL, TRISTATE -> {
                    Token n = next();
                    if (isPrompt(n)) {
                        Expr cond = ifExpr();
                        if (!expectEol(o)) {
                            continue;
                        }
                        addPrompt(SymbolProperty.Kind.PROMPT, n.text(), cond, file(), o.line());
                    } else if (n.kind() != Kind.EOL) {
                        syntaxError(o, n);
                        continue;
                    }
                    setType(typeOf(o.kind()), o.line());
                    continue;
                }
                case OPTIONAL -> {
                    if (expectEol(o)) {
                        sym.flags |= KconfigSymbol.OPTIONAL;
                    }
                    continue;
                }
                case DEFAULT -> {
                    Token n = next();
                    if (n.kind() != Kind.WORD) {
                        syntaxError(o, n);
                        continue;
                    }
                    Expr cond = ifExpr();
                    if (expectEol(o)) {
                        addProperty(SymbolProperty.Kind.DEFAULT, null, new Expr.Sym(symbols.lookup(n.text())), null,
                                null, cond, file(), o.line());
                    }
                    continue;
                }
                case DEPENDS -> {
                    dependsOn(o);
                    continue;
                }
                case HELP -> {
                    help(o);
                    continue;
                }
                default -> pushBack(o);
            }
            break;
        }
        beginMenu();
        statements(node);
    }

    private void menuEntry(Token start) {
        Token prompt = next();
        if (!isPrompt(prompt)) {
            syntaxError(start, prompt);
            return;
        }
        if (!expectEol(start)) {
            return;
        }
        MenuNode node = addEntry(MenuNode.Kind.MENU, null, start.line());
        addPrompt(SymbolProperty.Kind.MENU, prompt.text(), null, file(), start.line());
        while (true) {
            Token o = next();
            if (o.kind() == Kind.EOL) {
                continue;
            }
            if (o.kind() == Kind.DEPENDS) {
                dependsOn(o);
                continue;
            }
            if (o.kind() == Kind.VISIBLE) {
                Expr cond = ifExpr();
                if (expectEol(o)) {
                    node.visibility = Expr.and(node.visibility, cond);
                }
                continue;
            }
            pushBack(o);
            break;
        }
        beginMenu();
        statements(node);
    }

    private void commentEntry(Token start) {
        Token prompt = next();
        if (!isPrompt(prompt)) {
            syntaxError(start, prompt);
            return;
        }
        if (!expectEol(start)) {
            return;
        }
        addEntry(MenuNode.Kind.COMMENT, null, start.line());
        addPrompt(SymbolProperty.Kind.COMMENT, prompt.text(), null, file(), start.line());
        while (true) {
            Token o = next();
            if (o.kind() == Kind.EOL) {
                continue;
            }
            if (o.kind() == Kind.DEPENDS) {
                dependsOn(o);
                continue;
            }
            pushBack(o);
            break;
        }
    }

    private void ifEntry(Token start) {
        Expr e = expr();
        if (e == null || !expectEol(start)) {
            e = e == null ? new Expr.Sym(symbols.no) : e;
        }
        MenuNode node = addEntry(MenuNode.Kind.IF, null, start.line());
        node.dependency = e;
        beginMenu();
        statements(node);
    }

    private void sourceStatement(Token start) {
        Token path = next();
        if (!isPrompt(path)) {
            syntaxError(start, path);
            return;
        }
        if (!expectEol(start)) {
            return;
        }
        String name = path.text();
        if (includeStack.contains(name)) {
            StringBuilder chain = new StringBuilder();
            for (String f : includeStack) {
                chain.append("\n  included from: ").append(f);
            }
            error(start.line(), "Recursive inclusion detected: " + name + chain);
            return;
        }
        Optional<String> text = readFile(name);
        if (text.isEmpty()) {
            error(start.line(), "can't open file \"" + name + "\"");
            return;
        }
        boolean first = firstStatement;
        parseFile(name, text.get());
        firstStatement = first;
    }

    // ---- expressions: || lowest, then &&, then '!', comparisons bind two symbols ----

    private Expr ifExpr() {
        Token t = next();
        if (t.kind() != Kind.IF) {
            pushBack(t);
            return null;
        }
        Expr e = expr();
        return e == null ? new Expr.Sym(symbols.no) : e;
    }

    /** Parses an expression; on a syntax error reports it, skips the line and returns null. */
    private Expr expr() {
        try {
            return orExpr();
        } catch (ExprSyntax e) {
            error(e.token.line(), "syntax error in expression near '" + e.token.text() + "'");
            skipLine(e.token);
            pushBack(new Token(Kind.EOL, "", e.token.line()));
            return null;
        }
    }

    private static final class ExprSyntax extends RuntimeException {
        final transient Token token;

        ExprSyntax(Token token) {
            super(null, null, false, false);
            this.token = token;
        }
    }

    private Expr orExpr() {
        Expr left = andExpr();
        while (true) {
            Token t = next();
            if (t.kind() != Kind.OR) {
                pushBack(t);
                return left;
            }
            left = new Expr.Or(left, andExpr());
        }
    }

    private Expr andExpr() {
        Expr left = unary();
        while (true) {
            Token t = next();
            if (t.kind() != Kind.AND) {
                pushBack(t);
                return left;
            }
            left = new Expr.And(left, unary());
        }
    }

    private Expr unary() {
        Token t = next();
        switch (t.kind()) {
            case NOT -> {
                return new Expr.Not(unary());
            }
            case OPEN_PAREN -> {
                Expr e = orExpr();
                Token close = next();
                if (close.kind() != Kind.CLOSE_PAREN) {
                    throw new ExprSyntax(close);
                }
                return e;
            }
            case WORD, WORD_QUOTE -> {
                KconfigSymbol left = t.kind() == Kind.WORD ? symbols.lookup(t.text()) : symbols.constant(t.text());
                Token op = next();
                Expr.Relation rel = switch (op.kind()) {
                    case EQUAL -> Expr.Relation.EQUAL;
                    case UNEQUAL -> Expr.Relation.UNEQUAL;
                    case LESS -> Expr.Relation.LESS;
                    case LESS_EQUAL -> Expr.Relation.LESS_EQUAL;
                    case GREATER -> Expr.Relation.GREATER;
                    case GREATER_EQUAL -> Expr.Relation.GREATER_EQUAL;
                    default -> null;
                };
                if (rel == null) {
                    pushBack(op);
                    return new Expr.Sym(left);
                }
                Token r = next();
                if (r.kind() != Kind.WORD && r.kind() != Kind.WORD_QUOTE) {
                    throw new ExprSyntax(r);
                }
                KconfigSymbol right = r.kind() == Kind.WORD ? symbols.lookup(r.text()) : symbols.constant(r.text());
                return new Expr.Compare(rel, left, right);
            }
            default -> throw new ExprSyntax(t);
        }
    }

    private KconfigSymbol symbolOperand() {
        Token t = next();
        lastToken = t;
        return switch (t.kind()) {
            case WORD -> symbols.lookup(t.text());
            case WORD_QUOTE -> symbols.constant(t.text());
            default -> {
                pushBack(t);
                yield null;
            }
        };
    }
}
