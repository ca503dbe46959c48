package dev.scimgateway.core.server;

import dev.scimgateway.core.operation.HomeContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The event loops the gateway serves from: one verticle instance each, so that Vert.x gives each its own
 * event-loop context. Every loop runs an instance of each HTTP server on the same port, and Vert.x
 * spreads the port's connections over them; tenants' adapters are confined to these loops too.
 */
final class EventLoops {

  private static final System.Logger LOG = System.getLogger(EventLoops.class.getName());

  /**
   * Servers that listen on the same negative port share one free port Vert.x picks; each gateway of the
   * process that asked for port 0 gets its own negative number, so that gateways never share a socket.
   */
  private static final AtomicInteger NEXT_SHARED_FREE_PORT = new AtomicInteger(-1);

  private final Vertx vertx;
  private final String deployment;
  private final List<HomeContext> loops;

  private EventLoops(Vertx vertx, String deployment, List<HomeContext> loops) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.loops = loops;
  }

  /** Deploys {@code count} loops; Vert.x assigns their event loops in turn. */
  static Future<EventLoops> deploy(Vertx vertx, int count) {
    List<HomeContext> homes = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> new Loop(homes), new DeploymentOptions().setInstances(count))
        .map(id -> {
          List<HomeContext> loops = homes.stream().sorted(Comparator.comparing(home -> home.thread().getName())).toList();
          long threads = loops.stream().map(HomeContext::thread).distinct().count();
          if (threads < count) {
            LOG.log(Level.WARNING, "server.eventLoops is " + count + " but Vert.x has only " + threads
                + " event loops to give; raise VertxOptions.eventLoopPoolSize");
          }
          return new EventLoops(vertx, id, loops);
        });
  }

  List<HomeContext> homes() {
    return loops;
  }

  int size() {
    return loops.size();
  }

  /**
   * Listens with a server of {@code newServer} on every loop, all on {@code port} ({@code 0}: one free
   * port they share); the servers in the order of {@link #homes()}.
   */
  Future<List<HttpServer>> listen(Supplier<HttpServer> newServer, int port, String host) {
    int shared = port == 0 ? NEXT_SHARED_FREE_PORT.getAndDecrement() : port;
    List<Future<HttpServer>> servers = loops.stream().map(loop -> listenOn(loop, newServer, shared, host)).toList();
    return Future.all(servers).map(all -> servers.stream().map(Future::result).toList());
  }

  private static Future<HttpServer> listenOn(HomeContext loop, Supplier<HttpServer> newServer, int port, String host) {
    // Always through the loop's context: a server listens on the context that calls listen.
    Promise<HttpServer> listening = Promise.promise();
    loop.context().runOnContext(ignored -> {
      try {
        newServer.get().listen(port, host).onComplete(listening);
      } catch (RuntimeException e) {
        listening.fail(e);
      }
    });
    return listening.future();
  }

  /** Undeploys the loops; servers still listening on them close. */
  Future<Void> undeploy() {
    return vertx.undeploy(deployment);
  }

  /** A loop: no work of its own, its context is what it is for. */
  private static final class Loop extends VerticleBase {

    private final List<HomeContext> homes;

    Loop(List<HomeContext> homes) {
      this.homes = homes;
    }

    @Override
    public Future<?> start() {
      homes.add(HomeContext.current());
      return Future.succeededFuture();
    }
  }
}
