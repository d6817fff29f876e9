using System.Collections.Concurrent;

namespace WardTwin.Grains.Tests;

/// <summary>Counts the calls each grain received, by grain key and method, on every silo of a test cluster.</summary>
public sealed class CallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Key, string Method), int> _calls = new();

    public int Calls(string grainKey, string method) => _calls.GetValueOrDefault((grainKey, method));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate((context.TargetId.Key.ToString()!, context.MethodName), 1, (_, n) => n + 1);
        return context.Invoke();
    }
}
