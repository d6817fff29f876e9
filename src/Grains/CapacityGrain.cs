using System.Text.Json;
using Orleans.Concurrency;
using WardTwin.Model.Capacity;

namespace WardTwin.Grains;

/// <summary>A capacity question run with the model's own <see cref="CapacitySimulation"/>, as the reference engine runs it.</summary>
[StatelessWorker]
public sealed class CapacityGrain(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime, ModelCatalog catalog) : Grain, ICapacityGrain
{
    public async Task<string> RunAsync(CohortRequest protocol, string questionJson)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var question = JsonSerializer.Deserialize<CapacityQuestion>(questionJson, CapacityJson.Options)
            ?? throw new ArgumentException("a capacity question is needed");
        var runner = DataErrors.Translate(() => catalog.RunnerFor(protocol, ModelCatalog.Hash(protocol)));
        await catalog.ShardSlots.WaitAsync(lifetime.ApplicationStopping); // a stopping silo runs no more queued work
        try
        {
            return JsonSerializer.Serialize(new CapacitySimulation(runner.Plan.Protocol, runner, question).Run(), CapacityJson.Options);
        }
        finally
        {
            catalog.ShardSlots.Release();
        }
    }
}
