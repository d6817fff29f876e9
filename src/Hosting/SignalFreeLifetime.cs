using Microsoft.Extensions.Hosting;

namespace WardTwin.Hosting;

/// <summary>A host lifetime that does not listen for Ctrl+C or SIGTERM: the verb that owns the host cancels its work first, then stops it.</summary>
public sealed class SignalFreeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
