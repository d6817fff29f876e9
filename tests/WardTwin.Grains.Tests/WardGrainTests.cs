using WardTwin.Model.Data;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains.Tests;

[Collection(WardClusterGroup.Name)]
public sealed class WardGrainTests(TwoSiloCluster fixture)
{
    private static readonly DataCatalog Data = DataCatalog.Locate();

    /// <summary>Moves the fake clock in one-second steps (an hour of simulation each at scale 3600) and ticks the ward.</summary>
    private async Task<WardStatus> RunFor(IWardGrain ward, int realSeconds)
    {
        WardStatus status = await ward.GetStatusAsync();
        for (int i = 0; i < realSeconds; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            status = await ward.TickAsync();
        }

        return status;
    }

    /// <summary>A patient of the Erasmus cohort whose week runs without early discharge, found with the model itself.</summary>
    private static (long Seed, Admission Reference) FullWeekPatient()
    {
        var protocol = Data.LoadProtocol("erasmus-7d");
        var plan = new ProtocolPlan(protocol, Data.LoadParameters());
        var sampler = new PatientSampler(Data.LoadCohort(protocol.Cohort), Data.LoadParameters(), protocol.Arm);
        for (long seed = 1; ; seed++)
        {
            var walk = new Admission(plan, sampler.Sample(seed, 0), recordEvents: true);
            var outcome = walk.RunToEnd();
            if (outcome.EarlyDischargeReason is null && outcome.MaxRateMgPerH >= 9)
            {
                return (seed, walk);
            }
        }
    }

    [Fact]
    public async Task A_ward_under_fake_time_runs_a_7_day_admission_through_every_titration_step_as_the_model_does()
    {
        var (seed, reference) = FullWeekPatient();
        var ward = fixture.Client.GetGrain<IWardGrain>($"week-{seed}");
        await ward.StartAsync(new WardConfig(Beds: 1, ProtocolId: "erasmus-7d", TimeScale: 3600, Seed: seed));
        string admission = (await ward.GetStatusAsync()).BedList[0].AdmissionId!;
        var patient = fixture.Client.GetGrain<IPatientGrain>(admission);

        var status = await RunFor(ward, 100);
        Assert.InRange(status.SimTimeH, 99.9, 100.1);
        Assert.Equal(1, status.Occupied);
        Assert.True(status.BedList[0].PumpRateMgPerH > 0, "the pump delivers during treatment");

        status = await RunFor(ward, 70);
        Assert.Equal(0, status.Occupied);
        Assert.Equal(1, status.Discharged);

        var snapshot = await patient.GetSnapshotAsync();
        string[] Titrations(IEnumerable<string> lines) => lines.Where(l => l.Contains("titration:", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(" h ", StringComparison.Ordinal) + 3)..]).ToArray();
        var expected = reference.Log.OfType<TitrationEvent>().Select(e => $"titration: {e.Detail}").ToArray();
        Assert.Equal(14, expected.Length);
        Assert.Equal(expected, Titrations(snapshot.Log));
        Assert.True(snapshot.TreatmentEnded);

        var occupancy = await ward.GetOccupancyAsync();
        Assert.Equal(1, occupancy[0].Occupied);
        Assert.Equal(0, occupancy[^1].Occupied);
        Assert.InRange(occupancy[^1].SimTimeH, 168, 169.01);
    }

    [Fact]
    public async Task Arrivals_beyond_the_beds_wait_and_are_admitted_as_beds_free()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("arrivals");
        await ward.StartAsync(new WardConfig(Beds: 2, ProtocolId: "goldberg-5d-inpatient", TimeScale: 3600, Seed: 4, ArrivalScheduleH: [0.5, 0.6, 0.7, 0.8]));
        var status = await RunFor(ward, 2);
        Assert.Equal(2, status.Occupied);
        Assert.Equal(2, status.Waiting);
        status = await RunFor(ward, 130);
        Assert.Equal(4, status.Admitted);
        Assert.True(status.Discharged >= 2, $"discharged {status.Discharged}");
        Assert.Contains(await ward.GetOccupancyAsync(), p => p.Waiting == 2);
    }

    [Fact]
    public async Task Pause_stops_the_clock_and_resume_continues_it()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("pause");
        await ward.StartAsync(new WardConfig(1, "erasmus-7d", 3600, 2));
        await RunFor(ward, 3);
        await ward.PauseAsync();
        var paused = await RunFor(ward, 5);
        Assert.InRange(paused.SimTimeH, 2.99, 3.01);
        Assert.False(paused.Running);
        await ward.ResumeAsync();
        await ward.SetTimeScaleAsync(7200);
        var resumed = await RunFor(ward, 2);
        Assert.InRange(resumed.SimTimeH, 6.99, 7.01);
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_error_and_leave_the_ward_as_it_was()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("bad");
        var unknown = await Assert.ThrowsAnyAsync<Exception>(() => ward.StartAsync(new WardConfig(2, "erasmus-8d", 1, 1)));
        Assert.Contains("unknown protocol id", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => ward.StartAsync(new WardConfig(2, "erasmus-7d", 0, 1)));

        await ward.StartAsync(new WardConfig(2, "erasmus-7d", 3600, 1));
        var before = await ward.GetStatusAsync();
        var occupied = await Assert.ThrowsAsync<InvalidOperationException>(() => ward.AdmitAsync(0));
        Assert.Contains("bed 0 is occupied", occupied.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ward.AdmitAsync(7));
        var scale = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ward.SetTimeScaleAsync(-2));
        Assert.Contains("time scale must be > 0", scale.Message, StringComparison.Ordinal);
        var after = await ward.GetStatusAsync();
        Assert.Equal(before.Admitted, after.Admitted);
        Assert.Equal(before.TimeScale, after.TimeScale);

        var stranger = fixture.Client.GetGrain<IPatientGrain>("nobody/0");
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => stranger.GetSnapshotAsync());
        Assert.Contains("nobody/0 is not admitted", ex.Message, StringComparison.Ordinal);
        var pump = fixture.Client.GetGrain<IInfusionPumpGrain>("nobody/0");
        await Assert.ThrowsAsync<KeyNotFoundException>(() => pump.SetRateAsync(5, false));
        await ward.StopAsync();
    }
}
