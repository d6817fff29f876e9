using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WardTwin.Grains;

/// <summary>
/// Runs on every silo: every few seconds it reads the ward registry and wakes each running ward. A ward
/// that is active answers at once; one whose silo was lost is activated on a live silo, restores its
/// stored state and re-arms its clock. So wards outlive silos without a human restarting them.
/// </summary>
public sealed class WardKeeper(
    IGrainFactory grains,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    IOptions<WardTwinOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WardKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMilliseconds(options.Value.WardKeeperIntervalMs);
        using var timer = new PeriodicTimer(period, time);

        // The silo starts shutting down as soon as the application stops, before this service is told to: stop then.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                await WakeAll(stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping (or never finished starting): nothing to wake any more.
        }
    }

    private async Task WakeAll(CancellationToken cancel)
    {
        IReadOnlyList<string> wards;
        try
        {
            wards = await grains.GetGrain<IWardRegistryGrain>(IWardRegistryGrain.Key).GetRunningAsync().WaitAsync(CallTimeout, cancel);
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Stopping: a call the silo refused is no news.
            return;
        }
        catch (Exception ex)
        {
            Missed("(registry)", ex);
            return;
        }

        Found("(registry)");
        await Task.WhenAll(wards.Select(w => Wake(w, cancel)));
    }

    private async Task Wake(string ward, CancellationToken cancel)
    {
        try
        {
            await grains.GetGrain<IWardGrain>(ward).EnsureRunningAsync().WaitAsync(CallTimeout, cancel);
            Found(ward);
        }
        catch (Exception ex) when (!cancel.IsCancellationRequested)
        {
            Missed(ward, ex);
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Stopping: a call the silo refused is no news.
        }
    }

    /// <summary>Logged once when a ward (or the registry) cannot be reached, not at every attempt.</summary>
    private void Missed(string what, Exception ex)
    {
        lock (_missing)
        {
            if (!_missing.Add(what))
            {
                return;
            }
        }

        Log.KeeperMissed(logger, what, Errors.OneLine(ex));
    }

    private void Found(string what)
    {
        lock (_missing)
        {
            _missing.Remove(what);
        }
    }
}
