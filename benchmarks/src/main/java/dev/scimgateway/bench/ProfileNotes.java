package dev.scimgateway.bench;

/**
 * The engineers' reading of the profile and of the targets, written into the report next to the numbers the
 * suite measures. Keep it in step with the code when the hot path changes.
 */
final class ProfileNotes {

  private ProfileNotes() {}

  static final String TEXT = """
      ### Reading of the profile

      - **No single hot spot.** The hottest leaf method takes a few per cent of the samples. They spread over the
        work any Java HTTP gateway does twice per request, once facing the IdP and once facing Postman: Netty
        and Vert.x (HTTP codec, socket I/O, futures, routing, the HTTP client) take about half, Jackson about a
        tenth (the IdP's body parsed, Postman's body written, Postman's answer parsed, the IdP's answer
        written). In native code the event loop's time goes to socket `write`/`writev`, one per response on
        each hop. The request budget's own bookkeeping is well under 1 %.
      - **Micrometer** is now a small share: Vert.x's own HTTP server and client meters (`vertx_http_*`), which
        looked their meters up in the registry on every request, are off unless `metrics.vertxHttp: true`; the
        gateway's own meters (kept in a map by their tags) count the same requests.
      - **Event loops.** The SCIM port is served by `server.eventLoops` event loops (one per core by default),
        each with its own server instance on the shared port; the Postman adapter runs on whichever loop received
        the request (`AdapterThreading.ANY_LOOP`), with a pooled client to Postman per loop, so a request is served
        on one thread from end to end. Section 6 measures what the loops give on this machine.
      - **The remembered-user cache** (the PATCH shortcut) keeps every user Postman returns, as the bytes of
        Postman's answer, in a Caffeine cache with expiry; with the id cache (one Caffeine cache by id, its
        userName and externalId keys plain maps that follow it) that is the "Caffeine" share above: mostly the
        caches' housekeeping, which Caffeine runs after every write. This benchmark creates users thousands of
        times faster than Postman's budget allows, so both caches evict on every create; in service they rarely
        fill.

      ### What was changed after the first profile

      The first recording (same load, before these changes) had the gateway's own observability as its largest
      avoidable share: Micrometer 9.6 % and the request line and metrics code 8.0 % of the samples, request ids
      (`UUID.randomUUID`) 2.0 %, the token digest 2.2 %; a second one showed the value-type check of creates
      walking the schema through the SCIM SDK's case-insensitive nodes (`CaseIgnoreMap`, a `toLowerCase` per
      key per look-up: the hottest leaf method). Changed, each local and with the same output:

      1. `GatewayMetrics`, `PostmanMetrics`: the request, upstream-call and budget-wait timers were looked up in
         the registry on every request (`Timer.builder(…).register(…)`: tags built and sorted, a registry
         look-up, a double-registration check); they are now kept in a map by their tags.
      2. `LogFormat.TEXT`: request and audit lines were built with streams (and a `chars().anyMatch` per
         value); now a plain loop.
      3. `RequestLogHandler`: request ids came from `UUID.randomUUID()`, which draws from one shared,
         synchronized `SecureRandom`; now version-4 UUIDs from `ThreadLocalRandom` (an id only correlates lines).
      4. `BearerToken`: every request hashed the presented token once per tenant with a new
         `MessageDigest.getInstance` (a provider look-up each time); now one digest per thread, still compared
         in constant time.
      5. `SchemaDefinitions.typeOf`: an index of every attribute path and its type, built once, instead of a
         schema walk per attribute per request.

      Measured A/B on this machine (the tree before and after these changes, both jars side by side against the
      fixed-answer upstream, wrk at 16 connections, 6 interleaved rounds of 6 s, medians of the per-round ratios):
      `POST /Users` **+17 % throughput, −14 % gateway CPU per request**; `GET /Users/{id}` **+5 %, −5 %**.

      A second profile (issue #15) found the resource type's derived attributes (never-returned, required,
      boolean) rebuilt with streams on every request, a deep copy of every response for the projection that
      only removes `password`, a `toLowerCase` and a map look-up per body field per normalization rule, the
      adapter's provider looked up by value per request, and `DateTimeFormatter` per request line. Each is now
      made once or avoided (same output); request and audit lines leave the event loop through a buffered
      appender. In-process, thread CPU time per operation before → after: the projection of a read 1.8 → 0.1 µs,
      the selection handed to the adapter 1.2 → 0.06 µs, the checks of Okta's create body 7.6 → 2.9 µs, a request
      line 1.4 → 1.0 µs. Both jars driven at the same time (wrk, 16 connections each, 10 rounds of 10 s, the
      machine's load average 7 to 22), medians of the per-round ratios: gateway CPU per request −6 % for
      `GET /Users/{id}` and −17 % for `POST /Users`.

      A third profile (this one: the flight recorder running from launch) found that the earlier ones had
      described a different program: `jcmd JFR.start`, the first time in a warm JVM, cut the gateway to a sixth of
      its throughput for the whole recording (7,000 → 1,100 requests per second) with the JIT's work redone, and
      the JIT itself needs about a minute of CPU on this machine before throughput settles (hence the longer
      warm-ups). At full speed the avoidable shares were Vert.x's per-request meters (Micrometer 9.7 %), the
      router's regular expressions (a request tried about ten: 6.7 %) and the read deadlines' timer, cancelled
      and set again on every request (`cancelTimer` 6.7 % with the client's own). Changed: Netty's native epoll
      transport instead of NIO; `vertx_http_*` off by default; one route per resource type whose methods the
      endpoint dispatches, ahead of the discovery routes (2–3 expressions per request); read deadlines as a
      timestamp per connection and one sweep of a loop's connections (a deadline enforced up to a tenth of the
      shorter read timeout late, never early). Measured one jar after the other on this machine (wrk, 16
      connections, the fixed-answer upstream, rounds of 10 s once two minutes of load had settled the JIT), gateway
      CPU per request: `GET /Users/{id}` about 200 → 115 µs, `POST /Users` about 290 → 190 µs. Vert.x Web's `TimeoutHandler` was
      also replaced by a queue of a loop's requests and one check, and measured no different, so it stays.

      A fourth look (async-profiler's CPU samples of the gateway, kernel frames included, one operation at a time)
      found about a third of a GET's CPU and a quarter of a POST's in the kernel: the socket writes and reads of
      both hops (`writev` and `send` to the IdP and to Postman, with the wake-ups of the processes at the other
      end). Most of the rest is Netty and Vert.x; the gateway's own code and Jackson come to about a fifth.
      Changed: a request's JSON objects are the gateway's own case-insensitive objects
      (`CaseInsensitiveObjectNode`: a name is looked up as given first, compared ignoring case only on a miss)
      instead of the SCIM SDK's, which lower-case every name on every look-up (the SDK now makes the same
      objects); the upstream's base URL is taken apart once per client instead of on every call (the web
      client's `ClientUri.parse`); WebSocket compression is off, so no handler in each connection's pipeline
      screens every request for an upgrade (no WebSocket is served). One event loop against two (same jar, side
      by side, rounds of 10 s): about a tenth less CPU per request on one loop, the price of handing a request's
      adapter call to the tenant's home loop and back, which buys the second loop's throughput. What these
      changes give is the table *Before and after, in this run* of section 1, when the suite ran with
      `BENCH_BASELINE` (`0937aa3` is the tree before any of issue #15's work: one event loop, NIO, request lines
      written on the event loop).

      A fifth look (async-profiler again, GET at 16 connections, the gateway beside the Vert.x pass-through) put
      the gateway at about twice the pass-through's CPU per request: the kernel's share a few microseconds above
      the pass-through's (the eventfd wake-ups of the hop to the tenant's home loop, about 5 % of the samples, and
      the log writer's), the user-space share about three times the pass-through's and spread over some forty
      frames of a per cent or less each. Changed: the upstream call goes through Vert.x's core HTTP client instead
      of the Web Client (whose interceptor chain ran on every call), with its fixed headers built once; the log
      writer lingers 5 ms instead of 1 ms between batches (a fifth of its wake-ups and writes under load); a
      request without a query string skips the query check. Side by side, one jar against the other, these
      measured within this machine's noise (the same jar varies by a fifth between rounds of 5 s), so the
      report's *Before and after* table is their measure. What remained was architectural: the hop to the home loop,
      and JSON parsed and written twice per request.

      The sixth change removed the hop. An adapter now says where its operations may run (`ScimAdapter.threading()`):
      the Postman and SCIM adapters, whose state between calls was already thread-safe (the team's budget, the id
      caches, the shared scans), run on the loop that received the request, and `UpstreamClient` keeps one pooled
      client per loop, since Vert.x's pool hands any idle connection to any caller and a connection's I/O stays on
      the loop that opened it. One tenant now uses every loop, where before its adapter work (the upstream calls
      included) ran on one. Side by side on this machine (wrk at 16 connections, 5 interleaved rounds of 8 s,
      medians of the per-round ratios): `GET /Users/{id}` +9 % throughput, `POST /Users` +7 %, CPU per request
      within the noise; on 2 shared cores the gain is bounded by wrk and the upstream, and it grows with the cores
      a single tenant can now use.

      A seventh look (async-profiler's allocation and CPU samples of `POST /Users`, and the JVM's GC log) found
      the creates' extra cost over a read mostly in what the Postman adapter keeps of each new user: every
      create adds a user to the id cache and, whole, to the remembered users (the PATCH shortcut), and at
      thousands of creates a second the young collections copied those trees by the thousand (pauses of 15 to
      25 ms about every second, a live heap of about 120 MB). The remembered users are now kept as their JSON
      bytes, one array each, and the audit line's list of written attributes no longer merges each object's
      names into a sorted set first. The bytes against the trees, side by side (wrk at 16 connections, 5
      interleaved rounds of 8 s, medians of the per-round ratios): `POST /Users` +8 % throughput, −11 % gateway
      CPU per request, young pauses of 7 to 11 ms over a live heap of about 80 MB. At Postman's own budget (180 writes a minute) none of this arises;
      it is what the same adapter costs when it is driven as fast as this benchmark drives it.

      An eighth look (`jfr print` stacks, each sample put on the gateway frame nearest its leaf) found the
      remembered users still costing about 8 % of the samples of both operations: their bytes were Jackson's
      encoding of the user, made again on every read and write. They are now the bytes of Postman's answer,
      which the client already holds (`UpstreamClient.exchange`), and the share fell to under 1 % of a GET's
      samples and 3 % of a POST's (Caffeine's own bookkeeping of the write). Also changed: the id cache's check
      for a user it already knows exactly reads without touching the eviction order; the presented token is
      hashed once per request instead of once per configured tenant (and once more for the tenant); a create's
      audit line walks the resource once instead of diffing it against an empty one; Postman's answer is cut
      to a User's attributes in place instead of copied; an id of letters and digits goes into the upstream
      path without `URLEncoder`; a resource request is matched by one regular expression instead of two (the
      timeout, body and query checks moved onto its route). Side by side against the tree before them
      (`88d839d`; wrk at 16 connections, interleaved rounds after four rounds of warm-up, medians of the
      per-round ratios), four runs of 6 to 10 rounds gave gateway CPU per request from ×0.87 to ×1.05 for
      `GET /Users/{id}` and from ×0.91 to ×1.09 for `POST /Users`, the rounds of one run spreading by a
      fifth: within this machine's noise on the day. Running Caffeine's housekeeping once per event-loop turn
      instead of after every write measured within the noise too and was not kept.

      A ninth look (async-profiler, each operation beside the Vert.x pass-through, with `strace -c` and the
      threads' context switches) found the gateway making the same system calls per request as the pass-through
      (two `recvfrom`, one `writev`, one `sendto` for a GET), its event loops preempted about once per request
      where the pass-through's are about every other one (the longer a request holds the core, the more often
      wrk or the upstream wakes on it), and its own code bound by memory rather than instructions: the audit
      line's walk of Okta's create body takes 270 ns in a loop of its own and 2.5 µs inside the gateway under
      load. Changed: resource routes match without capturing groups (Vert.x Web added each group three times,
      numbered and into the request's parameters: about 1.4 µs of a GET), the tenant and id decoded from the
      matched path by `ResourcePath`; the request line's labels read from the path without splitting it; a page
      of users makes its base URL once instead of once per user; the id cache is one Caffeine cache by id whose
      userName and externalId keys follow it (`KeyedIndex`), so a create of a new user costs one cache write
      and one eviction instead of three (in the profile of creates of distinct users, the id cache's share fell
      from 10.0 to 8.5 µs per create; this benchmark's creates repeat one userName and measured no different,
      while the live heap with 100,000 ids cached fell from 57.5 to 47.4 MiB); the request a context serves is
      kept in slots of that context (`RequestScope`, Vert.x context locals) instead of two maps keyed by context
      and shared by every loop (about 0.6 µs of a GET); a budget's release reads the clock once and trims its
      window only when someone waits.

      A tenth look split a POST's samples by where they land, beside the pass-through's in the same session (an
      async-profiler run of its own, so the sums are the profile's, not this file's CPU table): of the 55 µs the
      gateway spends over the pass-through, about 11 µs are the kernel (the same system calls per request, each
      costing more, as the ninth look found), 13 µs the JDK's maps, strings and copies called from everywhere,
      8.5 µs more Netty and Vert.x (routing, futures, headers), 7 µs Jackson (the IdP's body parsed in 3.3 µs,
      Postman's answer in 2.4 µs, the two written in 3.4 µs), 5 µs the JVM's stubs, copies and collector, 6 µs the
      gateway's own leaf frames and 3 µs Caffeine, which evicts on every create here because the benchmark
      creates users far faster than any Postman budget lets through. No frame left is worth a microsecond: what
      would move these numbers is a request that is never a tree, not a faster stage.

      An eleventh look weighed the collector, which the tenth found in the JVM's share: the gateway's live heap is
      tens of MiB and its garbage dies young, so G1's write barriers and concurrent refinement buy pauses nobody
      waits for. The same jar side by side with G1 and with the parallel collector (wrk at 16 connections, 6
      interleaved rounds of 6 s, medians of the per-round ratios): about 8 % less CPU per GET and 13 % per POST
      with the parallel collector, the serial one no different from it; under a minute of creates of distinct
      users its young pauses had a median of 16 ms against G1's 17 (0.7 s paused in all against 1.3 s), and a
      full collection with 47 MiB live took 110 ms. The gateway now runs with `distribution/jvm.options`
      (`-XX:+UseParallelGC`) in the README's command and the Docker image, and this suite runs it, the baseline
      and the Vert.x pass-through with the same file.
      """;

  /** Printed when a CPU or throughput target is missed. */
  static final String COST_TARGETS = """
      **Where a CPU or throughput target is missed.** The gateway spends several times nginx's CPU per request
      (the CPU table of section 1): nginx forwards bytes, while the gateway terminates HTTP twice in Java, parses
      and writes JSON four times and does the SCIM work (normalization, value checks, the change set of the audit
      line, projection). The floor table of section 1 splits that cost: no gateway on this stack spends less than
      the bare Vert.x pass-through, or reaches more of nginx's throughput. What is left of the gateway's own share
      in the profile is spread thin: Jackson (Postman's answer parsed, the IdP's answer written), the router,
      authentication, the request line and meters, the id and remembered-user caches.
      """;

  /** Printed when a latency target at saturation is missed, before the computed requirement. */
  static final String LATENCY_TARGETS = """
      **Why the latency targets at 64 connections are missed.** At 64 connections unpaced the two cores are
      saturated and wrk's p50 is mostly queueing: each connection sends its next request as soon as the answer
      comes, so p50 ≈ connections ÷ throughput, and a miss there is throughput seen again, not what a request
      itself adds. The same 64 connections paced below saturation (*Latency below saturation*, section 1) show
      that; at 1 connection the gateway adds a fraction of a millisecond.
      """;

  static final String SCALE = """
      For scale: Postman lets a team make 300 reads and 180 writes a minute, 8 requests a second, while the
      gateway serves thousands a second on one core of this shared machine; what an IdP feels is the budget
      (section 3), and there the gateway turns 820 refused creates of a direct connection into none.
      """;
}
