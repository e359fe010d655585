# Tafel: build the production jar, then run it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /app tafel
WORKDIR /app
COPY --from=build /src/target/tafel-*.jar /app/tafel.jar
RUN mkdir -p /app/data && chown tafel /app/data
USER tafel
ENV SPRING_PROFILES_ACTIVE=prod \
    TAFEL_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tafel.jar"]
