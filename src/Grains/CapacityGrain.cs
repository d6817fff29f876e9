using System.Text.Json;
using Orleans.Concurrency;
using WardTwin.Model.Capacity;

namespace WardTwin.Grains;

/// <summary>A capacity question run with the model's own <see cref="CapacitySimulation"/>, as the reference engine runs it.</summary>
[StatelessWorker]
public sealed class CapacityGrain(ModelCatalog catalog) : Grain, ICapacityGrain
{
    public async Task<string> RunAsync(CohortRequest protocol, string questionJson)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var question = JsonSerializer.Deserialize<CapacityQuestion>(questionJson, CapacityJson.Options)
            ?? throw new ArgumentException("a capacity question is needed");
        var runner = DataErrors.Translate(() => catalog.RunnerFor(protocol, ModelCatalog.Hash(protocol)));
        return await catalog.InSlotAsync(() => JsonSerializer.Serialize(new CapacitySimulation(runner.Plan.Protocol, runner, question).Run(), CapacityJson.Options), drillPause: false);
    }
}
