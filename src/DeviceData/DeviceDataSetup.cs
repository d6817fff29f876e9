using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WardTwin.DeviceData.Feed;

namespace WardTwin.DeviceData;

/// <summary>Wires the device-data outputs into a host: options bound from "DeviceData" and checked at start; the feed runs only when an output is configured.</summary>
public static class DeviceDataSetup
{
    public static IServiceCollection AddWardTwinDeviceData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeviceDataOptions>().Bind(configuration.GetSection(DeviceDataOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeviceDataOptions>, DeviceDataOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<DeviceDataMetrics>();
        services.AddHttpClient(Fhir.FhirSender.ClientName);
        services.TryAddSingleton(TimeProvider.System);
        if (configuration.GetSection(DeviceDataOptions.Section).Get<DeviceDataOptions>() is { Enabled: true })
        {
            services.AddHostedService<DeviceDataService>();
        }

        return services;
    }
}
