using System.Collections.Concurrent;

namespace WardTwin.Grains.Tests;

/// <summary>
/// An Orleans incoming-call filter that makes chosen grains throw on a chosen method, as a bed whose patient
/// fails would: real calls through the real runtime, with one grain broken on purpose.
/// </summary>
public sealed class FaultInjection : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Key, string Method), bool> _failing = new();

    public void Break(string grainKey, string method) => _failing[(grainKey, method)] = true;

    public void Mend(string grainKey, string method) => _failing.TryRemove((grainKey, method), out _);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (_failing.ContainsKey((context.TargetId.Key.ToString()!, context.MethodName)))
        {
            throw new InvalidOperationException($"injected fault in {context.TargetId} {context.MethodName}");
        }

        return context.Invoke();
    }
}
