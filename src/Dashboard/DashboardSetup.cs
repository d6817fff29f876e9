using System.Text.Json.Serialization;
using Prometheus;

namespace WardTwin.Dashboard;

/// <summary>Wires the dashboard into a host: services, telemetry (prometheus-net at /metrics, OTLP when configured), endpoints.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddWardTwinDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section))
            .Validate(o => o.StreamIntervalMs >= 50 && o.MaxPlannerPatients > 0, "Dashboard:StreamIntervalMs must be >= 50 and MaxPlannerPatients > 0")
            .ValidateOnStart();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // A misspelt field is an error, not a silently ignored default.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        // Requests bind to typed records (Api/), checked by their annotations; a body that cannot be read or
        // bound throws, so ApiProblemHandler answers with problem details naming the field.
        services.AddValidation();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Api.ProblemWording.Apply);
        services.AddExceptionHandler<Api.ApiProblemHandler>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<CohortRunStore>();
        services.AddSingleton<DataCatalogProvider>();
        services.AddSingleton<PlannerService>();
        services.AddSingleton<CapacityService>();
        services.AddSingleton<UploadedProtocols>();
        services.AddSingleton<WardFeeds>();
        // Health checks and OTLP export are the service defaults' (one set-up for every host); the dashboard adds the cluster's.
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return services;
    }

    /// <summary>Call once the server listens: an open dashboard without access tokens must not run.</summary>
    public static void CheckAccess(this WebApplication app) => app.Services.GetRequiredService<AccessPolicy>().CheckConfiguration();

    public static WebApplication UseWardTwinDashboard(this WebApplication app)
    {
        // prometheus-net would start its own meter adapter at the first scrape, beside this one: every histogram
        // measurement was then counted twice (its histograms take the same names as the bridge's and this
        // adapter's). Its default adapter is suppressed and this one started now, or whatever happens before the
        // first scrape would be lost.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        var defaultBuckets = new MeterAdapterOptions().ResolveHistogramBuckets;
        var adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            // Ours go through the bridge, which keeps counters counters; every other meter through the adapter.
            InstrumentFilterPredicate = instrument => instrument.Meter.Name != WardTwin.Grains.MetricBuckets.MeterName,
            ResolveHistogramBuckets = instrument => defaultBuckets(instrument),
        });
        var bridge = new WardTwinPrometheusBridge();

        // Routing first, so the exception handler and the state-change guard see which endpoint a request is for.
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // a bare status (415, a 413 Kestrel sets itself) still gets problem details
        app.UseMiddleware<Api.StateChangeGuard>();
        app.Lifetime.ApplicationStopping.Register(adapter.Dispose);
        app.Lifetime.ApplicationStopping.Register(bridge.Dispose);

        // Status codes by class, and no label from a request's path or its route values (a random id or key
        // in a URL must not grow /metrics).
        app.UseHttpMetrics(o => o.ReduceStatusCodeCardinality());
        app.MapMetrics("/metrics");

        // /alive: the process answers; /health: it also reaches a running cluster (503 with the reason if not).
        app.MapHealthChecks("/alive", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health");
        app.MapWardTwinDashboard();
        return app;
    }
}
