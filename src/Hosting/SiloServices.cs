using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WardTwin.Grains;

namespace WardTwin.Hosting;

/// <summary>What every silo runs beside its grains: options from configuration (checked on start), the model catalog, the telemetry batcher, metrics.</summary>
public static class SiloServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WardTwinOptions>().Bind(configuration.GetSection(WardTwinOptions.Section))
            .Validate(o => o.ShardSize > 0 && o.WardTickMs > 0 && o.WardCheckpointSeconds > 0 && o.WardKeeperIntervalMs > 0 && o.TelemetryBatchMs > 0
                    && o.WindowAdmissions > 0 && o.ChunkAdmissions > 0 && o.ReadWaitSeconds > 0 && o.UnitsInFlight > 0 && o.WardCallsInFlight > 0,
                "WardTwin:ShardSize, WardTickMs, WardCheckpointSeconds, WardKeeperIntervalMs, TelemetryBatchMs, WindowAdmissions, ChunkAdmissions, ReadWaitSeconds, UnitsInFlight and WardCallsInFlight must be > 0")
            .ValidateOnStart();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<TelemetryBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryBatcher>());
        services.AddMetrics();
        services.TryAddSingleton<WardTwinMetrics>();
    }
}
