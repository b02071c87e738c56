package org.xenfusa.web.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Every error a person meets is a page of the platform (layout, what went wrong, a way back),
 * never the container's or Spring's default page; the REST API under {@code /api} keeps its JSON
 * errors whatever the client accepts, since scripts read them.
 */
@Component
public class ErrorPages implements ErrorViewResolver {
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;
    private final int maxParts;

    public ErrorPages(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize,
            @Value("${server.tomcat.max-part-count:10}") int maxParts) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
        this.maxParts = maxParts;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String path = String.valueOf(model.getOrDefault("path", ""));
        String api = request.getContextPath() + "/api/";
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            // whoever refused the body (the container while a filter read the form, or Spring), the limit is the
            // reason, not the container's class names
            model = new LinkedHashMap<>(model);
            model.put("message", tooLargeMessage());
        }
        if (path.startsWith(api) || path.equals(request.getContextPath() + "/api")) {
            Map<String, Object> body = new LinkedHashMap<>(model);
            if (status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
                // internals (SQL, class names) stay in the server log, as on the pages
                body.put("message", "The platform failed while answering " + path + "; the server log has the details.");
            }
            ModelAndView json = new ModelAndView(new JacksonJsonView(), body);
            json.setStatus(status);
            return json;
        }
        Map<String, Object> page = new LinkedHashMap<>(model);
        // "error" is the layout's flash message: the page says it in its own words
        page.remove("error");
        page.put("status", status.value());
        page.put("title", status.value() + " " + status.getReasonPhrase());
        page.put("reason", reason(status, String.valueOf(model.getOrDefault("message", "")), path));
        return new ModelAndView("error", page, status);
    }

    /** The reason an upload over the limit was refused, with the limits. */
    String tooLargeMessage() {
        return "the upload is too large: the platform accepts files of at most " + megabytes(maxFileSize)
                + " (and at most " + megabytes(maxRequestSize) + " and " + String.format(java.util.Locale.ROOT, "%,d",
                        maxParts) + " files and fields per request); nothing was imported. Split the upload into"
                + " smaller ones";
    }

    private static String megabytes(DataSize size) {
        return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
                : size.toBytes() + " bytes";
    }

    /** Spring's words for a parameter of the wrong type, e.g. a word where an id (a number) belongs. */
    private static final Pattern TYPE_MISMATCH = Pattern.compile(
            "Method parameter '([^']+)': Failed to convert value of type '[^']*' to required type '([^']*)'.*?"
                    + "(?:For input string: \"([^\"]*)\")?\\.?", Pattern.DOTALL);

    /** What went wrong, in words for the person who met it. */
    static String reason(HttpStatus status, String message, String path) {
        String given = message == null || message.isBlank() || message.equals(status.getReasonPhrase())
                || message.equals("No message available") ? "" : message;
        Matcher m = TYPE_MISMATCH.matcher(given);
        if (m.matches()) {
            String type = m.group(2).replaceFirst("^.*\\.", "");
            given = (m.group(3) == null ? "a value" : "'" + m.group(3) + "'") + " is not a valid " + m.group(1)
                    + (type.equalsIgnoreCase("long") || type.equalsIgnoreCase("int") || type.equals("Integer")
                            ? " (a whole number is expected)" : " (" + type + " expected)");
        }
        return switch (status) {
            case FORBIDDEN -> "Your account" + role() + " does not allow this page or action. An ADMIN can give you"
                    + " another role on the Users page.";
            case NOT_FOUND -> given.isEmpty() || given.startsWith("No static resource") || given.startsWith("No endpoint")
                    ? "There is no page at " + path + "." : capitalise(given) + ".";
            case UNAUTHORIZED -> "Log in first.";
            // not a failure: something the platform is still preparing (a clone), whose message says how far
            case SERVICE_UNAVAILABLE -> given.isEmpty() ? "The platform cannot answer " + path + " yet; try again in a"
                    + " moment." : capitalise(given) + ".";
            default -> {
                if (status.is5xxServerError()) {
                    // internals (SQL, class names) stay in the server log
                    yield "The platform failed while answering " + path + ". Nothing was changed by this request"
                            + " if it failed before saving; the server log has the details.";
                }
                yield given.isEmpty() ? "The request to " + path + " could not be answered." : capitalise(given) + ".";
            }
        };
    }

    private static String role() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return "";
        }
        return " (" + auth.getName() + auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> ", role " + a.substring(5)).findFirst().orElse("") + ")";
    }

    /**
     * The message as a sentence: without its final full stops, its first word capitalised when it is a plain word. A
     * message that starts with a path, a ref, an option or a name (xen/arch/arm/efi/none.c, --repo, x86_64-defconfig)
     * keeps it as it is spelt: "Xen/arch/..." names no file.
     */
    static String capitalise(String s) {
        String t = s.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        String first = t.split("[\\s:,;]", 2)[0];
        boolean plainWord = !first.isEmpty() && first.chars().allMatch(Character::isLetter);
        return plainWord ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t;
    }
}
