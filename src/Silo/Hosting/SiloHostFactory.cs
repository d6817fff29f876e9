using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WardTwin.Cluster;
using WardTwin.Dashboard;
using WardTwin.DeviceData;
using WardTwin.Grains;
using WardTwin.Hosting;
using WardTwin.ServiceDefaults;

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
    /// <param name="settings">Settings the command line gave (the device-data outputs), over those of the environment.</param>
    public static WebApplication BuildWithDashboard(ClusterSettings cluster, SiloPlacement placement, string? dataPath, IEnumerable<string> urls, LogLevel logLevel = LogLevel.Warning, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        Configure(builder, dataPath, logLevel);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddWardTwinDashboard(builder.Configuration);
        builder.Services.AddWardTwinDeviceData(builder.Configuration);
        builder.UseOrleans(silo => SiloClustering.Configure(silo, cluster, placement, builder.Configuration));
        builder.WebHost.UseUrls([.. urls]);
        var app = builder.Build();
        app.UseWardTwinDashboard();
        return app;
    }

    /// <summary>What every WardTwin silo host shares: the service defaults (WARDTWIN_ settings, logs, health, OTLP), the data folder, the silo's services, the ward keeper.</summary>
    private static void Configure(IHostApplicationBuilder builder, string? dataPath, LogLevel logLevel)
    {
        builder.AddWardTwinDefaults(logLevel);
        if (dataPath is not null)
        {
            builder.Configuration[$"{WardTwinOptions.Section}:{nameof(WardTwinOptions.DataPath)}"] = dataPath;
        }

        SiloServices.Add(builder.Services, builder.Configuration);
        builder.Services.AddHostedService<WardKeeper>();
    }

    /// <summary>A free loopback port, so a cohort run can start beside a running ward.</summary>
    public static int FreePort() => SiloPlacement.FreePort();
}
