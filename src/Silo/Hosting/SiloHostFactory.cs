using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WardTwin.Cluster;
using WardTwin.Dashboard;
using WardTwin.Grains;

namespace WardTwin.Silo.Hosting;

/// <summary>Builds a silo host: its cluster (embedded or PostgreSQL), the model catalog, options from configuration, the ward keeper.</summary>
public static class SiloHostFactory
{
    /// <param name="handleSignals">False: Ctrl+C and SIGTERM are the verb's to handle (it cancels its work, then stops this host), not the host's.</param>
    public static IHost Build(ClusterSettings? cluster = null, SiloPlacement? placement = null, string? dataPath = null, LogLevel logLevel = LogLevel.Warning, bool storeState = true, bool handleSignals = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        Configure(builder, dataPath, logLevel);
        if (!handleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        }

        builder.UseOrleans(silo => SiloClustering.Configure(silo, cluster ?? ClusterSettings.Embedded, placement ?? SiloPlacement.AnyFreePorts(), builder.Configuration, storeState));
        return builder.Build();
    }

    /// <summary>The silo with the dashboard in the same process, on the given URLs (default http://127.0.0.1:5080).</summary>
    public static WebApplication BuildWithDashboard(ClusterSettings cluster, SiloPlacement placement, string? dataPath, IEnumerable<string> urls, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        Configure(builder, dataPath, logLevel);
        builder.Services.AddWardTwinDashboard(builder.Configuration);
        builder.UseOrleans(silo => SiloClustering.Configure(silo, cluster, placement, builder.Configuration));
        builder.WebHost.UseUrls([.. urls]);
        var app = builder.Build();
        app.UseWardTwinDashboard();
        return app;
    }

    /// <summary>What every WardTwin host shares: WARDTWIN_ environment settings, the data folder, log levels, services.</summary>
    private static void Configure(IHostApplicationBuilder builder, string? dataPath, LogLevel logLevel)
    {
        builder.Configuration.AddEnvironmentVariables("WARDTWIN_");
        if (dataPath is not null)
        {
            builder.Configuration[$"{WardTwinOptions.Section}:{nameof(WardTwinOptions.DataPath)}"] = dataPath;
        }

        builder.Logging.SetMinimumLevel(logLevel);

        // Logs go to stderr: stdout carries a command's results (the cohort table, a ward's status lines), and
        // a warning such as Orleans's watchdog under a saturated CPU must not land in them.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Orleans", logLevel > LogLevel.Warning ? logLevel : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // A start that fails (a port in use) is reported in one line by the command, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        // A ward that loses a bed, a store that fails, a keeper that cannot reach a ward: warnings the user must see.
        builder.Logging.AddFilter("WardTwin", logLevel < LogLevel.Warning ? logLevel : LogLevel.Warning);
        ConfigureServices(builder.Services, builder.Configuration);
        builder.Services.AddHostedService<WardKeeper>();
    }

    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WardTwinOptions>().Bind(configuration.GetSection(WardTwinOptions.Section))
            .Validate(o => o.ShardSize > 0 && o.WardTickMs > 0 && o.WardCheckpointSeconds > 0 && o.WardKeeperIntervalMs > 0 && o.TelemetryBatchMs > 0,
                "WardTwin:ShardSize, WardTickMs, WardCheckpointSeconds, WardKeeperIntervalMs and TelemetryBatchMs must be > 0")
            .ValidateOnStart();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<TelemetryBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryBatcher>());
        services.AddMetrics();
        services.TryAddSingleton<WardTwinMetrics>();
    }

    /// <summary>A free loopback port, so a cohort run can start beside a running ward.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
