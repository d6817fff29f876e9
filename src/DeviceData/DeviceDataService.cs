using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WardTwin.DeviceData.Feed;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData;

/// <summary>
/// The device-data feed of a host process: for each configured ward, a subscriber of its telemetry hub and the
/// outputs that turn what its devices show into PCD-01/PCD-04 over MLLP and FHIR Bundles. It runs beside the
/// grains, never inside a grain's turn, and a receiver that fails slows nothing but its own queue.
/// </summary>
public sealed class DeviceDataService(IGrainFactory grains, IOptions<DeviceDataOptions> options, DeviceDataMetrics metrics, IHttpClientFactory http, TimeProvider time, ILogger<DeviceDataService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        MllpSender? sender = o.Hl7.Enabled ? new MllpSender(o.Hl7, metrics) : null;
        var fhir = o.Fhir.Enabled ? new Fhir.FhirSender(http.CreateClient(Fhir.FhirSender.ClientName), o.Fhir, metrics, logger) : null;
        if (sender is not null)
        {
            metrics.Hl7State = sender.State;
        }

        if (fhir is not null)
        {
            metrics.FhirBacklog = () => fhir.Backlog;
        }

        var work = new List<Task>();
        foreach (string ward in o.Wards)
        {
            var state = new WardDeviceState(ward, time);
            work.Add(WardSubscription.KeepAsync(grains, state, logger, stoppingToken));
            if (sender is not null)
            {
                work.Add(new Hl7Output(state, sender, o.Hl7, metrics, time, logger).RunAsync(stoppingToken));
            }

            if (fhir is not null)
            {
                work.Add(new Fhir.FhirOutput(state, fhir, o.Fhir, time).RunAsync(stoppingToken));
            }
        }

        if (fhir is not null)
        {
            work.Add(fhir.RunAsync(stoppingToken));
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Device data for {Wards}: HL7 {Hl7}, FHIR {Fhir}", o.Wards, o.Hl7.Endpoint ?? "off", o.Fhir.BaseUrl ?? "off");
        }
        try
        {
            await Task.WhenAll(work);
        }
        finally
        {
            if (sender is not null)
            {
                await sender.DisposeAsync();
            }
        }
    }
}
