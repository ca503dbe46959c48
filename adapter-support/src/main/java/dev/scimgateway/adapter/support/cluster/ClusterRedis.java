package dev.scimgateway.adapter.support.cluster;

import dev.scimgateway.adapter.api.ClusterSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Redis of one gateway replica, shared by everything its adapter factory keeps in Redis (budgets,
 * create locks): one connection of the Vert.x Redis client, non-blocking and pipelined (a pooled
 * client would send one command per connection at a time), made again when it drops, and whether
 * Redis is reachable.
 *
 * <p>A command that fails or takes longer than {@link #COMMAND_TIMEOUT_MILLIS} marks Redis as away;
 * from then on a {@code PING} every {@link #CHECK_MILLIS} ms finds out when it is back. Both changes
 * are logged once and told to the {@linkplain #onChange listeners}, on the event loop. The URL's user
 * and password appear nowhere: logs name {@link ClusterSettings#redisAddress()}, and failures are
 * reported by their type only.
 *
 * <p>A Redis that restarts between two commands is reconnected to without any command failing, but
 * what the replicas kept in it is gone. So every new connection first reads a marker of the data's
 * generation ({@value #GENERATION_KEY}, set by the first replica to find it missing); when it differs
 * from the one this replica saw before, Redis lost its data (restarted, flushed, failed over to an
 * empty replica), which is logged and told to the listeners as Redis away and back at once.
 */
public final class ClusterRedis {

  private static final System.Logger LOG = System.getLogger(ClusterRedis.class.getName());
  /** How long a command may take before Redis counts as away. */
  public static final long COMMAND_TIMEOUT_MILLIS = 3_000;
  /** How often a replica that lost Redis checks whether it is back. */
  public static final long CHECK_MILLIS = 500;
  /** The key whose value names the generation of what the replicas keep in Redis. */
  public static final String GENERATION_KEY = "scim-gateway:generation";

  private static final String GENERATION = """
      local generation = redis.call('GET', KEYS[1])
      if not generation then
        generation = ARGV[1]
        redis.call('SET', KEYS[1], generation)
      end
      return generation
      """;

  private final Vertx vertx;
  private final ClusterSettings settings;
  private final Redis client;
  private Future<RedisConnection> connection;
  private String generation;
  private long generationChanges;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean up = true;
  private long checkTimer = -1;
  private boolean closed;

  /** A client of {@code settings}' Redis; connects with the first command. */
  public ClusterRedis(Vertx vertx, ClusterSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(settings.redisUrl())
        .setMaxPoolSize(1)
        .setMaxWaitingHandlers(16_384));
  }

  /** How many replicas share each budget. */
  public int replicas() {
    return settings.replicas();
  }

  /** Whether the last command reached Redis. */
  public boolean isUp() {
    return up;
  }

  /** Redis's address without user or password, for messages. */
  public String address() {
    return settings.redisAddress();
  }

  /**
   * Calls {@code listener} with {@code false} when Redis goes away and {@code true} when it is back, and
   * with both, one after the other, when Redis is found to have lost its data while it was reachable.
   */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  /** Stops telling {@code listener} (a lane that closed). */
  public void removeListener(Consumer<Boolean> listener) {
    listeners.remove(listener);
  }

  /**
   * Sends a command; any failure (a closed or refused connection, a time-out, a refused password) marks
   * Redis as away and fails the future with a
   * {@link RedisUnavailableException} that names no secret.
   */
  public Future<Response> send(Request request) {
    Context caller = Vertx.currentContext();
    Future<RedisConnection> used = connection();
    Future<Response> answer = used
        .compose(connected -> connected.send(request))
        .timeout(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .recover(failure -> {
          discard(used); // a connection that timed out may be half dead: the next command makes a new one
          markDown(failure);
          return Future.failedFuture(new RedisUnavailableException(address(), failure));
        });
    return caller == null ? answer : on(caller, answer);
  }

  /**
   * {@code future}, completed on {@code context}: the connection answers on its own event loop, and what
   * the caller does next (an upstream call after a lock) belongs on the caller's.
   */
  private static <T> Future<T> on(Context context, Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> context.runOnContext(ignored -> promise.handle(result)));
    return promise.future();
  }

  /** Runs a Lua script with {@code keys} and {@code args}. */
  public Future<Response> eval(String script, List<String> keys, List<?> args) {
    Request request = Request.cmd(io.vertx.redis.client.Command.EVAL).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(arg -> request.arg(String.valueOf(arg)));
    return send(request);
  }

  /**
   * How many times this client has found Redis with another data generation than before (see
   * {@link ClusterRedis}), whether or not Redis was found away meanwhile: what was written before may
   * be gone.
   */
  public synchronized long generationChanges() {
    return generationChanges;
  }

  /** The connection, or a new one (its data generation checked) when there is none (yet, or any more). */
  private synchronized Future<RedisConnection> connection() {
    if (connection == null) {
      Future<RedisConnection> opened = client.connect();
      Future<RedisConnection> connecting = opened.compose(this::generationChecked);
      connection = connecting;
      opened.onSuccess(connected -> connected
          .exceptionHandler(failure -> dropped(connecting))
          .endHandler(ended -> dropped(connecting)));
      connecting.onFailure(failure -> dropped(connecting));
    }
    return connection;
  }

  /** {@code connected}, once the data generation it finds is compared with the last one seen. */
  private Future<RedisConnection> generationChecked(RedisConnection connected) {
    Request read = Request.cmd(io.vertx.redis.client.Command.EVAL).arg(GENERATION).arg(1).arg(GENERATION_KEY)
        .arg(UUID.randomUUID().toString());
    return connected.send(read)
        .map(found -> {
          seen(found.toString());
          return connected;
        })
        .recover(failure -> connected.close().transform(closed -> Future.failedFuture(failure)));
  }

  private void seen(String found) {
    boolean lost;
    synchronized (this) {
      boolean changed = generation != null && !generation.equals(found);
      if (changed) {
        generationChanges++;
      }
      lost = changed && up && !closed; // once away, the return to Redis is told anyway
      generation = found;
    }
    if (lost) {
      LOG.log(Level.WARNING, "Redis at " + address() + " has lost what the replicas keep there (restarted, flushed"
          + " or failed over); each budget waits one window, as when Redis is away, then shares again");
      listeners.forEach(listener -> listener.accept(false));
      listeners.forEach(listener -> listener.accept(true));
    }
  }

  private synchronized void dropped(Future<RedisConnection> which) {
    if (connection == which) {
      connection = null;
    }
  }

  private void discard(Future<RedisConnection> which) {
    boolean current;
    synchronized (this) {
      current = connection == which;
    }
    if (current) {
      dropped(which);
      which.onSuccess(RedisConnection::close);
    }
  }

  /** Closes the connection and the client; stops checking whether Redis is back. */
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
      if (checkTimer >= 0) {
        vertx.cancelTimer(checkTimer);
        checkTimer = -1;
      }
    }
    listeners.clear();
    Future<RedisConnection> last;
    synchronized (this) {
      last = connection;
      connection = null;
    }
    return (last == null ? Future.<Void>succeededFuture() : last.compose(RedisConnection::close).otherwiseEmpty())
        .eventually(client::close);
  }

  private void markDown(Throwable failure) {
    synchronized (this) {
      if (!up || closed) {
        return;
      }
      up = false;
      checkTimer = vertx.setPeriodic(CHECK_MILLIS, ignored -> check());
    }
    LOG.log(Level.WARNING, "Redis at " + address() + " is unreachable (" + failure.getClass().getSimpleName()
        + "); each budget falls back to this replica's share (1/" + replicas() + ") until it is back");
    listeners.forEach(listener -> listener.accept(false));
  }

  private void check() {
    Future<RedisConnection> used = connection();
    used.compose(connected -> connected.send(Request.cmd(io.vertx.redis.client.Command.PING)))
        .timeout(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .onSuccess(pong -> markUp())
        .onFailure(failure -> discard(used));
  }

  private void markUp() {
    synchronized (this) {
      if (up || closed) {
        return;
      }
      up = true;
      vertx.cancelTimer(checkTimer);
      checkTimer = -1;
    }
    LOG.log(Level.INFO, "Redis at " + address() + " is reachable again; budgets are shared again");
    listeners.forEach(listener -> listener.accept(true));
  }
}
