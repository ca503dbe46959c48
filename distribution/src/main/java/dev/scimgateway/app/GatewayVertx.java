package dev.scimgateway.app;

import dev.scimgateway.core.observability.GatewayMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The Vert.x instance the gateway runs on: enough event loops, Netty's native transport where the platform has
 * it (epoll on Linux; NIO otherwise), and Vert.x's meters in the gateway's registry. Vert.x's per-request HTTP
 * meters are left out unless {@code metrics.vertxHttp} asks for them: the gateway counts the same requests in its
 * own meters, and looking up both sets on every request cost about a tenth of the gateway's CPU.
 */
final class GatewayVertx {

  private GatewayVertx() {}

  static Vertx create(GatewayMetrics metrics, int eventLoops, boolean vertxHttpMetrics) {
    MicrometerMetricsOptions metricsOptions = new MicrometerMetricsOptions().setEnabled(true);
    if (!vertxHttpMetrics) {
      metricsOptions.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER).addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT);
    }
    return Vertx.builder()
        .with(new VertxOptions()
            .setEventLoopPoolSize(Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, eventLoops))
            .setPreferNativeTransport(true)
            .setMetricsOptions(metricsOptions))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .build();
  }
}
