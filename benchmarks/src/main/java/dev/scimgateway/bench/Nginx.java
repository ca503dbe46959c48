package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nginx (Debian's package) as a plain reverse proxy: {@code proxy_pass} with keep-alive to the upstream, no
 * access log, two workers; the floor of what any proxy in the path costs. Runs in the foreground from a
 * configuration and prefix of its own in the work directory, on 127.0.0.1.
 */
final class Nginx {

  private Nginx() {}

  static Child start(Path work, int port, int upstreamPort) {
    Path prefix = work.resolve("nginx");
    String conf = """
        worker_processes 2;
        daemon off;
        master_process on;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events {
          worker_connections 4096;
        }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;
          keepalive_requests 100000000;
          keepalive_timeout 300s;
          upstream fixed {
            server %2$s:%3$d;
            keepalive 128;
            keepalive_requests 100000000;
          }
          server {
            listen %2$s:%4$d;
            location / {
              proxy_pass http://fixed;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
            }
          }
        }
        """.formatted(prefix, Net.HOST, upstreamPort, port);
    Path file = prefix.resolve("nginx.conf");
    try {
      Files.createDirectories(prefix.resolve("tmp"));
      Files.writeString(file, conf);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Child nginx = Child.start("nginx", work, List.of(nginxBinary(), "-p", prefix.toString(), "-c", file.toString()), null);
    Net.awaitOk(Net.url(port, "/scim/v2/Users/" + FixedUpstream.id(1)), null, Duration.ofSeconds(30), nginx);
    return nginx;
  }

  private static String nginxBinary() {
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("nginx is not installed (apt-get install -y nginx)");
  }
}
