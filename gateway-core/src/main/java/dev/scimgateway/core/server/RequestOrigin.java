package dev.scimgateway.core.server;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin ({@code scheme://host[:port]}) the IdP addressed, for {@code Location} and
 * {@code meta.location}. Behind a proxy it is taken from {@code Forwarded} ({@code proto}, {@code host})
 * or else {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port}, otherwise
 * from {@code Host}; each value is used only when it is a well-formed scheme, host or port (else the
 * next source counts), and without a usable host the server's own address is used. Never fails.
 */
final class RequestOrigin {

  private static final Pattern FORWARDED_PROTO = Pattern.compile("(?i)(?:^|;)\\s*proto=\"?([^;,\"]*)\"?");
  private static final Pattern FORWARDED_HOST = Pattern.compile("(?i)(?:^|;)\\s*host=\"?([^;,\"]*)\"?");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");
  // Header names whose hash is computed once, not on every look-up of every response's origin.
  private static final CharSequence HOST = HttpHeaders.createOptimized("Host");
  private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
  private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
  private static final CharSequence X_FORWARDED_PORT = HttpHeaders.createOptimized("X-Forwarded-Port");
  private static final CharSequence FORWARDED = HttpHeaders.createOptimized("Forwarded");

  private RequestOrigin() {}

  /** The origin, or empty when not even the server's own address is known. */
  static Optional<String> of(HttpServerRequest request) {
    String scheme = request.connection() != null && request.connection().isSsl() ? "https" : "http";
    HostAndPort authority = authority(request.getHeader(HOST)).orElse(null);

    Optional<String> forwardedProto = first(request.getHeader(X_FORWARDED_PROTO)).flatMap(RequestOrigin::scheme);
    Optional<HostAndPort> forwardedHost = first(request.getHeader(X_FORWARDED_HOST)).flatMap(RequestOrigin::authority);
    Optional<Integer> forwardedPort = first(request.getHeader(X_FORWARDED_PORT)).flatMap(RequestOrigin::port);
    String forwarded = first(request.getHeader(FORWARDED)).orElse(null);
    if (forwarded != null) {
      Optional<String> proto = parameter(FORWARDED_PROTO, forwarded).flatMap(RequestOrigin::scheme);
      Optional<HostAndPort> host = parameter(FORWARDED_HOST, forwarded).flatMap(RequestOrigin::authority);
      forwardedProto = proto.isPresent() ? proto : forwardedProto;
      if (host.isPresent()) {
        forwardedHost = host;
        forwardedPort = Optional.empty();
      }
    }
    if (forwardedProto.isPresent()) {
      scheme = forwardedProto.get();
    }
    if (forwardedHost.isPresent()) {
      authority = forwardedHost.get();
    } else if (forwardedProto.isPresent() && authority != null) {
      authority = HostAndPort.create(authority.host(), -1);
    }
    if (authority != null && forwardedPort.isPresent()) {
      authority = HostAndPort.create(authority.host(), forwardedPort.get());
    }
    if (authority == null) {
      authority = ownAddress(request.localAddress()).orElse(null);
    }
    if (authority == null) {
      return Optional.empty();
    }
    boolean defaultPort = authority.port() < 0
        || (scheme.equals("http") && authority.port() == 80)
        || (scheme.equals("https") && authority.port() == 443);
    return Optional.of(scheme + "://" + authority.host() + (defaultPort ? "" : ":" + authority.port()));
  }

  private static Optional<String> first(String header) {
    if (header == null) {
      return Optional.empty();
    }
    int comma = header.indexOf(',');
    return Optional.of((comma < 0 ? header : header.substring(0, comma)).trim());
  }

  private static Optional<String> parameter(Pattern pattern, String element) {
    Matcher matcher = pattern.matcher(element);
    return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
  }

  private static Optional<String> scheme(String value) {
    String scheme = value.toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") ? Optional.of(scheme) : Optional.empty();
  }

  /** {@code host[:port]} when well-formed: a name, an IPv4 address or a bracketed IPv6 address, a port up to 65535. */
  static Optional<HostAndPort> authority(String value) {
    if (value == null || value.isEmpty() || value.length() > 255) {
      return Optional.empty();
    }
    HostAndPort parsed = HostAndPort.parseAuthority(value, -1);
    if (parsed == null || parsed.host().isEmpty() || parsed.port() > 65535 || parsed.port() == 0) {
      return Optional.empty();
    }
    return Optional.of(parsed);
  }

  private static Optional<Integer> port(String value) {
    if (!PORT.matcher(value).matches()) {
      return Optional.empty();
    }
    int port = Integer.parseInt(value);
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
  }

  private static Optional<HostAndPort> ownAddress(SocketAddress local) {
    if (local == null || local.hostAddress() == null || local.port() <= 0) {
      return Optional.empty();
    }
    String host = local.hostAddress();
    return Optional.of(HostAndPort.create(host.contains(":") ? "[" + host + "]" : host, local.port()));
  }
}
