using Microsoft.Extensions.Logging.Abstractions;
using WardTwin.Application.Engines;
using WardTwin.Model.Costs;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Grains.Tests;

[Collection(WardClusterGroup.Name)]
public sealed class CohortGrainTests(TwoSiloCluster two, OneSiloCluster one) : IClassFixture<OneSiloCluster>
{
    private static readonly DataCatalog Data = DataCatalog.Locate();

    private static CohortRequest Request(string protocolId, int patients, long seed) => CohortRequest.FromCatalog(Data, protocolId, patients, seed);

    private static GrainPlannerEngine Engine(IGrainFactory grains) => new(grains, NullLogger<GrainPlannerEngine>.Instance);

    /// <summary>A cohort's summary gathered as it streams from an engine, as the planner run gathers it.</summary>
    private static async Task<(string Summary, List<int> Order)> Gather(IPlannerEngine engine, CohortRequest request)
    {
        var protocol = Data.LoadProtocol("erasmus-7d");
        var alarms = Data.LoadParameters().Alarms.Select(AlarmEvaluator.Name).ToArray();
        var gathered = new CohortAccumulator(protocol, request.Seed, Data.LoadPrices("nl"), alarms);
        var order = new List<int>();
        await foreach (var chunk in engine.RunCohortAsync(request, CancellationToken.None))
        {
            foreach (var outcome in chunk)
            {
                gathered.Add(outcome);
                order.Add(outcome.PatientIndex);
            }
        }

        return (CohortSummary.ToJson(CohortSummary.Build(gathered)), order);
    }

    [Fact]
    public async Task Two_silos_one_silo_and_the_reference_engine_give_the_same_summary()
    {
        var request = Request("erasmus-7d", 600, 21);
        var onTwo = await Gather(Engine(two.Client), request);
        var onOne = await Gather(Engine(one.Cluster.Client), request);
        var reference = await Gather(new ReferencePlannerEngine(), request);
        var protocol = Data.LoadProtocol("erasmus-7d");
        var whole = new CohortRunner(protocol, Data.LoadCohort(protocol.Cohort), Data.LoadParameters()).Run(600, 21);
        string held = CohortSummary.ToJson(CohortSummary.Build(CohortResult.Price(protocol, 21, whole, Data.LoadPrices("nl"), Data.LoadParameters().Alarms.Select(AlarmEvaluator.Name).ToArray())));

        Assert.Equal(held, reference.Summary);
        Assert.Equal(held, onTwo.Summary);
        Assert.Equal(held, onOne.Summary);
        Assert.Equal(Enumerable.Range(0, 600), onTwo.Order);
    }

    [Fact]
    public async Task A_job_keeps_one_worker_on_each_silo_runs_units_on_both_and_each_silo_fetches_its_request_once()
    {
        // 600 patients in shards of 40: 15 units, all in flight at once, each sent to the silo running fewer of them.
        string key = $"spread-{Guid.NewGuid():N}";
        var job = two.Client.GetGrain<ICohortJobGrain>(key);
        await job.StartAsync(Request("erasmus-7d", 600, 5));
        int read = 0;
        while (read < 600)
        {
            read += (await job.ReadAsync(read)).Outcomes.Length;
        }

        var workers = (await two.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .Where(s => s.GrainId.Key.ToString()!.StartsWith(key + "/", StringComparison.Ordinal))
            .ToList();
        await job.ReadAsync(read);

        // The job's silo built the runner when the job started; the other silo fetched the request once, not once per
        // shard arriving before the runner was built.
        Assert.InRange(two.Calls.Calls(key, nameof(ICohortJobGrain.GetRequestAsync)), 0, 1);
        Assert.Equal(2, workers.Count);
        Assert.Equal(2, workers.Select(w => w.SiloAddress).Distinct().Count());
        Assert.All(workers, w => Assert.EndsWith($"/on/{w.SiloAddress.ToParsableString()}", w.GrainId.Key.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_is_read_in_chunks_reports_progress_and_forgets_its_request_once_read()
    {
        var job = two.Client.GetGrain<ICohortJobGrain>("chunks");
        await job.StartAsync(Request("goldberg-10d-outpatient", 130, 3));
        await job.StartAsync(Request("goldberg-10d-outpatient", 130, 3)); // the same request again: nothing happens
        var seen = new List<int>();
        while (seen.Count < 130)
        {
            var chunk = await job.ReadAsync(seen.Count);
            Assert.Equal(seen.Count, chunk.First);
            seen.AddRange(chunk.Outcomes.Select(o => o.PatientIndex));
        }

        var progress = await job.GetProgressAsync();
        Assert.Equal((130, 130, JobState.Running), (progress.Done, progress.Total, progress.State));
        Assert.Equal(Enumerable.Range(0, 130), seen);
        Assert.Empty((await job.ReadAsync(130)).Outcomes);
        Assert.Equal(JobState.NotStarted, (await two.Client.GetGrain<ICohortJobGrain>("chunks").GetProgressAsync()).State);
    }

    [Fact]
    public async Task A_job_whose_activation_is_collected_mid_run_runs_on_from_its_stored_request_where_the_reader_was()
    {
        var job = two.Client.GetGrain<ICohortJobGrain>("collected");
        // 150 shards of 40: more than one chunk can hold (4,096 admissions), so the collection lands mid-run whatever the timing.
        var request = Request("erasmus-7d", 6000, 21);
        await job.StartAsync(request);
        var outcomes = new List<AdmissionOutcome>((await job.ReadAsync(0)).Outcomes);
        Assert.InRange(outcomes.Count, 1, 4096);

        // Every idle activation goes, the job's too: its window (what ran ahead, unread) is lost, its request is not.
        await two.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        while (outcomes.Count < 6000)
        {
            outcomes.AddRange((await job.ReadAsync(outcomes.Count)).Outcomes);
        }

        Assert.Equal(Enumerable.Range(0, 6000), outcomes.Select(o => o.PatientIndex));
        var alarms = Data.LoadParameters().Alarms.Select(AlarmEvaluator.Name).ToArray();
        var protocol = Data.LoadProtocol("erasmus-7d");
        var whole = new CohortRunner(protocol, Data.LoadCohort(protocol.Cohort), Data.LoadParameters()).Run(6000, 21);
        Assert.Equal(
            CohortSummary.ToJson(CohortSummary.Build(CohortResult.Price(protocol, 21, whole, Data.LoadPrices("nl"), alarms))),
            CohortSummary.ToJson(CohortSummary.Build(CohortResult.Price(protocol, 21, [.. outcomes], Data.LoadPrices("nl"), alarms))));
        await job.ReadAsync(6000);
    }

    [Fact]
    public async Task Another_request_under_a_running_job_and_a_read_off_a_chunk_boundary_are_refused()
    {
        var job = two.Client.GetGrain<ICohortJobGrain>("refusals");
        await job.StartAsync(Request("erasmus-7d", 100, 1));
        var other = await Assert.ThrowsAnyAsync<Exception>(() => job.StartAsync(Request("erasmus-7d", 100, 2)));
        Assert.Contains("already runs another request", other.Message, StringComparison.Ordinal);
        var offBoundary = await Assert.ThrowsAnyAsync<Exception>(() => job.ReadAsync(7));
        Assert.Contains("not the start of a chunk", offBoundary.Message, StringComparison.Ordinal);
        await job.CancelAsync();
        var cancelled = await Assert.ThrowsAnyAsync<Exception>(() => job.ReadAsync(0));
        Assert.Contains("was cancelled", cancelled.Message, StringComparison.Ordinal);
        Assert.Equal(JobState.Cancelled, (await job.GetProgressAsync()).State);
    }

    [Fact]
    public async Task A_bad_protocol_fails_when_the_job_starts_with_the_field_named()
    {
        var bad = Request("erasmus-7d", 10, 1) with { ProtocolJson = "{\"id\": \"x\"}", ProtocolSource = "mine.json" };
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => two.Client.GetGrain<ICohortJobGrain>("bad").StartAsync(bad));
        Assert.Contains("mine.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_psa_on_the_grains_gives_the_reference_engines_draws()
    {
        var protocols = new[] { "erasmus-7d", "goldberg-10d-outpatient" };
        var request = new PsaJobRequest(
            [.. protocols.Select(p => Request(p, 60, 4))],
            System.Text.Json.JsonSerializer.Serialize(Data.LoadPrices("nl"), DataJson.Options),
            nameof(Perspective.Healthcare), nameof(PriceBasis.Full), Draws: 9, Week: 12);
        var onGrains = new List<PsaDrawRows>();
        await foreach (var draw in Engine(two.Client).RunPsaAsync(request, CancellationToken.None))
        {
            onGrains.Add(draw);
        }

        var setup = new PsaSetup([.. protocols.Select(Data.LoadProtocol)], p => Data.LoadCohort(p.Cohort), Model.Parameters.ParameterFile.Load(Data.DefaultParametersPath), Data.LoadPrices("nl"), 60, 4, 9, 12);
        var reference = PsaRunner.Run(setup);
        Assert.Equal(Enumerable.Range(1, 9), onGrains.Select(d => d.Draw));
        Assert.Equal(reference.Rows.Select(r => r.Cost), onGrains.SelectMany(d => d.Costs));
        Assert.Equal(reference.Rows.SelectMany(r => r.Effects), onGrains.SelectMany(d => d.Effects.SelectMany(e => e)));
    }
}
