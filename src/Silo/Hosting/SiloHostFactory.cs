using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using WardTwin.Dashboard;
using WardTwin.Grains;

namespace WardTwin.Silo.Hosting;

/// <summary>Builds the embedded silo: localhost clustering, the model catalog, options from configuration.</summary>
public static class SiloHostFactory
{
    public static IHost Build(int? siloPort = null, int? gatewayPort = null, string? dataPath = null, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        Configure(builder, dataPath, logLevel);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort ?? FreePort(), gatewayPort ?? FreePort()));
        return builder.Build();
    }

    /// <summary>The silo with the dashboard in the same process, on the given URLs (default http://127.0.0.1:5080).</summary>
    public static WebApplication BuildWithDashboard(int siloPort, int gatewayPort, string? dataPath, IEnumerable<string> urls, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        Configure(builder, dataPath, logLevel);
        builder.Services.AddWardTwinDashboard(builder.Configuration);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort));
        builder.WebHost.UseUrls([.. urls]);
        var app = builder.Build();
        app.UseWardTwinDashboard();
        return app;
    }

    /// <summary>What every WardTwin host shares: WARDTWIN_ environment settings, the data folder, quiet framework logs, services.</summary>
    private static void Configure(IHostApplicationBuilder builder, string? dataPath, LogLevel logLevel)
    {
        builder.Configuration.AddEnvironmentVariables("WARDTWIN_");
        if (dataPath is not null)
        {
            builder.Configuration[$"{WardTwinOptions.Section}:{nameof(WardTwinOptions.DataPath)}"] = dataPath;
        }

        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Orleans", logLevel > LogLevel.Warning ? logLevel : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("WardTwin", logLevel);

        // A lone localhost silo that stops tries to migrate every activation and logs one error per grain
        // ("No active nodes are compatible"): there is nowhere to go and nothing is lost, so keep it quiet.
        builder.Logging.AddFilter("Orleans.Grain", LogLevel.Critical);
        ConfigureServices(builder.Services, builder.Configuration);
    }

    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WardTwinOptions>().Bind(configuration.GetSection(WardTwinOptions.Section)).Validate(o => o.ShardSize > 0 && o.WardTickMs > 0, "WardTwin:ShardSize and WardTwin:WardTickMs must be > 0");
        services.AddSingleton<ModelCatalog>();
        services.AddMetrics();
        services.TryAddSingleton<WardTwinMetrics>();
        services.TryAddKeyedSingleton(WardGrain.ClockKey, TimeProvider.System);
    }

    /// <summary>A free loopback port, so a cohort run can start beside a running ward.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
