# KhuyenCong.Web container image. Not built on the development machines (no Docker engine there): kept correct
# by reading. Build: docker build -t khuyencong-web .
# Run:  docker run -p 8080:8080 -v kc-data:/data -e Site__PublicBaseUrl=https://khuyencong.example.vn khuyencong-web
# Production refuses to start without Site__PublicBaseUrl (absolute links are made from it and only its host is
# answered). Behind a reverse proxy add -e ReverseProxy__KnownProxies=<proxy address> (or ReverseProxy__KnownNetworks
# =<CIDR>), so X-Forwarded-For/-Proto are believed from it and from nothing else.

# --- build stage: the .NET SDK restores, builds and publishes in Release ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig KhuyenCong.Web.sln ./
COPY src/KhuyenCong.Web/KhuyenCong.Web.csproj src/KhuyenCong.Web/
RUN dotnet restore src/KhuyenCong.Web/KhuyenCong.Web.csproj
COPY src/ src/
RUN dotnet publish src/KhuyenCong.Web/KhuyenCong.Web.csproj -c Release -o /app --no-restore

# --- runtime stage: ASP.NET Core runtime only, non-root, data on a volume ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The web root and the starting content sit beside the app (the app looks for them there when no .sln is found).
COPY wwwroot/ ./wwwroot/
COPY content/ ./content/
RUN mkdir -p /data && chown -R app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Data__Path=/data \
    DOTNET_RUNNING_IN_CONTAINER=true
VOLUME ["/data"]
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/KhuyenCong.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/KhuyenCong.Web.dll"]
