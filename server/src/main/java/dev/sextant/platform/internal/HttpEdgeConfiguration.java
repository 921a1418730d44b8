package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.SecurityHeaders;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The edge of the HTTP stack, below Spring MVC: the security headers every answer carries, and
 * the answers Tomcat gives itself to requests it refuses before any servlet sees them (an encoded
 * '/' or '\' or a NUL in the path, undecodable percent-encoding, headers over the size limit, a
 * malformed header), which get the same problem document as every other error instead of
 * Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfiguration {

    @Bean
    SecurityHeaders securityHeaders() {
        return new SecurityHeaders();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(
            ProblemWriter problems, SecurityHeaders securityHeaders, RefusedRequestLog refusals) {
        return new ProblemErrorReports(new ProblemErrorReportValve(problems, securityHeaders, refusals));
    }

    /**
     * Replaces the host's error report valve. Runs after Spring Boot's own customizer, which adds
     * a plain {@link ErrorReportValve}; naming ours as the host's valve class keeps Tomcat from
     * adding its default one again when the host starts.
     */
    private record ProblemErrorReports(ProblemErrorReportValve valve)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                for (Valve existing : parent.getPipeline().getValves()) {
                    if (existing instanceof ErrorReportValve && existing != valve) {
                        parent.getPipeline().removeValve(existing);
                    }
                }
                parent.getPipeline().addValve(valve);
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
