package dev.sextant.identity.internal.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The sign-in and consent pages' HTML: one small page, no scripts, no external assets, every piece
 * of text escaped. Forms carry the session's CSRF token.
 */
final class Html {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
            + "padding:0 1rem;color:#1b1f24}label{display:block;margin:.8rem 0 .2rem}"
            + "input[type=text],input[type=password]{width:100%;padding:.5rem;font-size:1rem}"
            + "button{margin-top:1rem;padding:.5rem 1.2rem;font-size:1rem}.error{color:#a40000}"
            + "li{margin:.3rem 0}.muted{color:#57606a}form.inline{display:inline-block;margin-right:.6rem}";

    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String csrfField(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return "";
        }
        return hidden(token.getParameterName(), token.getToken());
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + " - Sextant</title><style>" + STYLE + "</style></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
