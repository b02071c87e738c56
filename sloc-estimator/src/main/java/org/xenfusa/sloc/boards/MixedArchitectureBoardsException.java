package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import org.xenfusa.sloc.xen.XenArch;

/**
 * Boards of different architectures were chosen for one configuration: a Xen build targets one
 * architecture ({@code XEN_TARGET_ARCH}), so an arm32 board and an arm64 board never share a configuration.
 */
public class MixedArchitectureBoardsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Map<XenArch, List<String>> boardsByArch;

    public MixedArchitectureBoardsException(List<Board> boards) {
        this(byArch(boards));
    }

    private MixedArchitectureBoardsException(Map<XenArch, List<String>> boardsByArch) {
        super("boards of different architectures cannot share one configuration (a Xen build targets one architecture): "
                + boardsByArch.entrySet().stream().map(e -> e.getKey().targetArch() + " " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; "))
                + ". Choose boards of one architecture, or compute one configuration per architecture.");
        this.boardsByArch = boardsByArch;
    }

    private static Map<XenArch, List<String>> byArch(List<Board> boards) {
        Map<XenArch, List<String>> out = new LinkedHashMap<>();
        boards.forEach(b -> out.computeIfAbsent(b.arch(), a -> new java.util.ArrayList<>()).add(b.id()));
        out.replaceAll((a, ids) -> List.copyOf(ids));
        return out;
    }

    /** The chosen boards per architecture. */
    public Map<XenArch, List<String>> boardsByArch() {
        return boardsByArch;
    }
}
