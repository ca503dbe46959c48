# syntax=docker/dockerfile:1
# Build: docker build -t scim-gateway .
# Run:   docker run -p 8080:8080 -p 9090:9090 -e HEALTH_PORT=9090 -v "$PWD/config/example.yaml:/etc/scim-gateway/gateway.yaml:ro" \
#          -e ACME_SCIM_TOKEN=... -e POSTMAN_SCIM_API_KEY=... scim-gateway

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Module poms first, so that dependency downloads are cached while sources change.
COPY pom.xml ./
COPY adapter-api/pom.xml adapter-api/
COPY adapter-tck/pom.xml adapter-tck/
COPY gateway-core/pom.xml gateway-core/
COPY adapter-support/pom.xml adapter-support/
COPY adapter-postman/pom.xml adapter-postman/
COPY postman-simulator/pom.xml postman-simulator/
COPY scim-simulator/pom.xml scim-simulator/
COPY adapter-scim/pom.xml adapter-scim/
COPY distribution/pom.xml distribution/
COPY benchmarks/pom.xml benchmarks/
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=dev.scimgateway || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin scim
COPY --from=build /src/distribution/target/scim-gateway.jar /opt/scim-gateway/scim-gateway.jar
COPY distribution/jvm.options /opt/scim-gateway/jvm.options
USER 10001
# 8080: SCIM (server.port); 9090: /health, /ready, /metrics when management.port is set to it.
EXPOSE 8080 9090
# The configuration is mounted as a file; the secrets it references come from the environment.
VOLUME ["/etc/scim-gateway"]
# The port that serves /health: server.port, or management.port when the configuration sets one.
ENV HEALTH_PORT=8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${HEALTH_PORT}/health" || exit 1
ENTRYPOINT ["java", "@/opt/scim-gateway/jvm.options", "-XX:MaxRAMPercentage=75", "-jar", "/opt/scim-gateway/scim-gateway.jar"]
CMD ["--config", "/etc/scim-gateway/gateway.yaml"]
