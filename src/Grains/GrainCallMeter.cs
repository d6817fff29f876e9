namespace WardTwin.Grains;

/// <summary>Counts every grain call a silo receives by its grain interface (wardtwin_grain_calls_total): what a page, a ward or a job costs.</summary>
public sealed class GrainCallMeter(WardTwinMetrics metrics) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        metrics.GrainCalls.Add(1, new KeyValuePair<string, object?>("interface", context.InterfaceMethod?.DeclaringType?.Name ?? context.InterfaceName));
        return context.Invoke();
    }
}
