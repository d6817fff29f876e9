using WardTwin.Model.Simulation;

namespace WardTwin.Grains.Tests;

/// <summary>Flumazenil, ondansetron and oxygen as trainee actions: refused outside the parameter file's range, journalled, replayed.</summary>
[Collection(WardClusterGroup.Name)]
public sealed class TrainingInterventionTests(TwoSiloCluster fixture)
{
    [Fact]
    public async Task Flumazenil_ondansetron_and_oxygen_are_given_refused_by_range_and_survive_collection()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-interventions");
        await session.StartAsync("erasmus-day1-hallucinations", ["ann"]);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("midazolam", 4))).Outcome);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("flumazenil", 0.5))).Outcome);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("ondansetron", 4))).Outcome);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("oxygen", 2))).Outcome);

        var tooMuch = await session.ActAsync("ann", 1, new TraineeCommand("flumazenil", 2));
        Assert.Equal(("refused", true), (tooMuch.Outcome, tooMuch.Message.Contains("outside more than 0-1 mg", StringComparison.Ordinal)));
        Assert.Equal("refused", (await session.ActAsync("ann", 1, new TraineeCommand("oxygen", 12))).Outcome);

        var before = await session.GetDebriefAsync("ann");
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await session.GetDebriefAsync("ann");

        // Replayed from the patient's journal: the same interventions in the bed's course.
        string[] given = [.. after.Beds[0].Events.Select(e => e.Detail).Where(d => d.StartsWith("flumazenil", StringComparison.Ordinal) || d.StartsWith("ondansetron", StringComparison.Ordinal) || d.StartsWith("oxygen", StringComparison.Ordinal))];
        Assert.Equal(["flumazenil 0.5 mg", "ondansetron 4 mg", "oxygen 2 L/min"], given);
        Assert.Equal(before.Beds[0].Events.Select(e => e.Detail), after.Beds[0].Events.Select(e => e.Detail));
        Assert.Equal(3, after.Record.Count(e => e.Action is "flumazenil" or "ondansetron" or "oxygen" && e.Accepted));
    }
}
