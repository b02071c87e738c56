# The platform as a container: built from this repository, run against an external PostgreSQL
# (see docker-compose.yml: two instances behind a Caddy proxy). The embedded database is not used when
# SPRING_DATASOURCE_URL is set. Per instance: FUSA_INSTANCE_ID names it (default: the container's host name and the
# port) and FUSA_DATA_DIR holds its own clones of repositories registered by URL (a volume of its own).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY sloc-estimator sloc-estimator
COPY trace-linker trace-linker
COPY requirements-model requirements-model
COPY assessor-exports assessor-exports
COPY misra-evidence misra-evidence
COPY web-app web-app
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/fusa --create-home fusa
USER fusa
WORKDIR /var/lib/fusa
COPY --from=build /src/web-app/target/fusa.jar /opt/fusa/fusa.jar
ENV FUSA_DATA_DIR=/var/lib/fusa/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# The heap: 1 GB by default (enough for all of Xen's release tags and a few tracked configurations); set
# FUSA_JAVA_OPTS to change it, e.g. -Xmx2g or -XX:MaxRAMPercentage=75 for the container's memory limit.
ENV FUSA_JAVA_OPTS=-Xmx1g
# exec: java is the container's main process and gets docker's SIGTERM, on which it hands its running jobs back to
# the queue within fusa.jobs.shutdown-wait (8 s); give the container a stop timeout above that plus the requests'
# drain (docker-compose.yml: stop_grace_period 30 s)
ENTRYPOINT ["sh", "-c", "exec java $FUSA_JAVA_OPTS -jar /opt/fusa/fusa.jar \"$@\"", "fusa"]
