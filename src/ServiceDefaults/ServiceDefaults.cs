using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WardTwin.ServiceDefaults;

/// <summary>
/// What every WardTwin host sets up the same way (the silo with or without its dashboard, the standalone dashboard,
/// a planner verb's silo): WARDTWIN_ environment settings, logs on stderr with the same levels, health checks, and
/// OpenTelemetry's OTLP export when an endpoint is configured.
/// </summary>
public static class ServiceDefaults
{
    /// <summary>The environment prefix of every setting: WARDTWIN_Dashboard__InstructorToken is Dashboard:InstructorToken.</summary>
    public const string EnvironmentPrefix = "WARDTWIN_";

    /// <summary>Where an OTLP collector listens (metrics and traces go there too); empty leaves OTLP off.</summary>
    public const string OtlpEndpointKey = "Dashboard:OtlpEndpoint";

    public static IHostApplicationBuilder AddWardTwinDefaults(this IHostApplicationBuilder builder, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Logging.SetMinimumLevel(logLevel);

        // Logs go to stderr: stdout carries a command's results (the cohort table, a ward's status lines).
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Orleans", logLevel > LogLevel.Warning ? logLevel : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // A start that fails (a port in use) is reported in one line by the command, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        // A ward that loses a bed, a store that fails, a keeper that cannot reach a ward: warnings the user must see.
        builder.Logging.AddFilter("WardTwin", logLevel < LogLevel.Warning ? logLevel : LogLevel.Warning);
        builder.Services.AddHealthChecks();
        if (builder.Configuration[OtlpEndpointKey] is { Length: > 0 } otlp)
        {
            // OTLP is a second sink beside the Prometheus scrape, which exports the meters itself.
            builder.Services.AddOpenTelemetry()
                .WithMetrics(m => m.AddMeter("WardTwin", "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting").AddOtlpExporter(o => o.Endpoint = new Uri(otlp)))
                .WithTracing(t => t.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }

        return builder;
    }
}
