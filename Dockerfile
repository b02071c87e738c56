# The platform as a container: built from this repository, run against an external PostgreSQL
# (see docker-compose.yml). The embedded database is not used when SPRING_DATASOURCE_URL is set.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY sloc-estimator sloc-estimator
COPY trace-linker trace-linker
COPY requirements-model requirements-model
COPY assessor-exports assessor-exports
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
ENTRYPOINT ["sh", "-c", "exec java $FUSA_JAVA_OPTS -jar /opt/fusa/fusa.jar \"$@\"", "fusa"]
