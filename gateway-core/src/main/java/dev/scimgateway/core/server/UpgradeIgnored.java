package dev.scimgateway.core.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;

/**
 * Drops {@code Upgrade} from every request before Vert.x reads it. The gateway speaks HTTP/1.x only and
 * serves no WebSocket, and a server may ignore an upgrade (RFC 9110 §7.8); left in, a WebSocket upgrade
 * would be taken past the router by Vert.x and refused with a bare status instead of a SCIM answer.
 * Where the connection is not Vert.x's HTTP/1.x one, nothing is installed and that refusal stands.
 */
@ChannelHandler.Sharable
final class UpgradeIgnored extends ChannelInboundHandlerAdapter {

  private static final UpgradeIgnored INSTANCE = new UpgradeIgnored();
  private static final String NAME = "scimgatewayUpgradeIgnored";
  private static final String VERTX_DECODER = "httpDecoder";

  private UpgradeIgnored() {}

  /** For {@code HttpServer.connectionHandler}, before any request of the connection is read. */
  static void install(HttpConnection connection) {
    if (!(connection instanceof HttpServerConnection server)) {
      return;
    }
    ChannelPipeline pipeline = server.channelHandlerContext().pipeline();
    if (pipeline.get(VERTX_DECODER) != null && pipeline.get(NAME) == null) {
      pipeline.addAfter(VERTX_DECODER, NAME, INSTANCE);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof HttpRequest request) {
      request.headers().remove(HttpHeaderNames.UPGRADE);
    }
    ctx.fireChannelRead(message);
  }
}
