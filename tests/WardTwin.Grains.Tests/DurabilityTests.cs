using Orleans.Runtime;

namespace WardTwin.Grains.Tests;

/// <summary>
/// Grains that are collected mid-ward (idle or paused longer than the collection age) come back from storage:
/// the ward goes on by itself, and every patient's log equals that of an undisturbed twin, line for line.
/// </summary>
[Collection(WardClusterGroup.Name)]
public sealed class DurabilityTests(TwoSiloCluster fixture)
{
    private static readonly WardConfig Config = new(Beds: 3, ProtocolId: "erasmus-7d", TimeScale: 3600, Seed: 21);

    private IManagementGrain Management => fixture.Client.GetGrain<IManagementGrain>(0);

    private async Task Tick(IWardGrain ward)
    {
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await ward.TickAsync();
    }

    /// <summary>The same trainee's hands on bed 0 of each ward, at the same ward time.</summary>
    private async Task TraineeActs(string wardId)
    {
        var pump = fixture.Client.GetGrain<IInfusionPumpGrain>($"{wardId}/0");
        Assert.True((await pump.SetRateAsync(7, confirmSoftLimit: true)).Accepted);
        Assert.True((await pump.PauseAsync()).Accepted);
        Assert.True((await pump.SetVtbiAsync(400)).Accepted);
        Assert.Equal("refused", (await pump.SetRateAsync(30, confirmSoftLimit: true)).Outcome);
        await fixture.Client.GetGrain<IPatientGrain>($"{wardId}/0").GiveMidazolamAsync(2);
    }

    private async Task ResumePump(string wardId) => Assert.True((await fixture.Client.GetGrain<IInfusionPumpGrain>($"{wardId}/0").ResumeAsync()).Accepted);

    /// <summary>One scripted run of a ward: 30 h, a trainee's hands, 20 h, a pause, 160 h; with collections of every idle activation or without.</summary>
    private async Task<(WardStatus Status, string[][] Logs, PumpView[] Pumps, string[] Activations)> Scripted(string wardId, bool collect)
    {
        var ward = fixture.Client.GetGrain<IWardGrain>(wardId);
        await ward.StartAsync(Config);
        for (int i = 0; i < 30; i++)
        {
            await Tick(ward);
        }

        await TraineeActs(wardId);
        await Tick(ward);
        await ResumePump(wardId);
        var activations = new List<string> { (await ward.GetStatusAsync()).Activation, (await Patient(wardId, 0).GetSnapshotAsync()).Activation };
        if (collect)
        {
            await Management.ForceActivationCollection(TimeSpan.Zero);
        }

        for (int i = 0; i < 20; i++)
        {
            await Tick(ward);
        }

        // Paused for longer than the collection age: everything idle is collected again, then the ward resumes.
        await ward.PauseAsync();
        if (collect)
        {
            await Management.ForceActivationCollection(TimeSpan.Zero);
        }

        await Tick(ward);
        await ward.ResumeAsync();
        for (int i = 0; i < 160; i++)
        {
            await Tick(ward);
        }

        var status = await ward.GetStatusAsync();
        activations.Add(status.Activation);
        activations.Add((await Patient(wardId, 0).GetSnapshotAsync()).Activation);
        var logs = new string[3][];
        var pumps = new PumpView[3];
        for (int bed = 0; bed < 3; bed++)
        {
            logs[bed] = [.. (await Patient(wardId, bed).GetSnapshotAsync()).Log];
            pumps[bed] = await fixture.Client.GetGrain<IInfusionPumpGrain>($"{wardId}/{bed}").GetViewAsync();
        }

        return (status, logs, pumps, [.. activations]);
    }

    private IPatientGrain Patient(string wardId, int n) => fixture.Client.GetGrain<IPatientGrain>($"{wardId}/{n}");

    [Fact]
    public async Task A_ward_whose_grains_are_all_collected_mid_run_and_while_paused_goes_on_with_every_log_equal_to_an_undisturbed_twin()
    {
        var twin = await Scripted("undisturbed", collect: false);
        var collected = await Scripted("collected", collect: true);

        Assert.NotEqual(collected.Activations[0], collected.Activations[2]);
        Assert.NotEqual(collected.Activations[1], collected.Activations[3]);
        Assert.InRange(collected.Status.SimTimeH, twin.Status.SimTimeH - 1e-6, twin.Status.SimTimeH + 1e-6);
        Assert.Equal(3, twin.Status.Discharged);
        Assert.Equal(twin.Status.Discharged, collected.Status.Discharged);
        Assert.Contains(twin.Logs[0], l => l.Contains("set rate 7 mg/h (confirmed) by hand", StringComparison.Ordinal));
        for (int bed = 0; bed < 3; bed++)
        {
            Assert.True(twin.Logs[bed].Count(l => l.Contains("titration:", StringComparison.Ordinal)) >= 10, $"bed {bed} ran its week of reviews");
            Assert.Equal(twin.Logs[bed], collected.Logs[bed]);
            Assert.Equal(twin.Pumps[bed].Log, collected.Pumps[bed].Log);
            Assert.Equal(twin.Pumps[bed].DeliveredMg, collected.Pumps[bed].DeliveredMg);
        }
    }

    [Fact]
    public async Task A_running_ward_whose_activations_are_collected_is_woken_by_the_keeper_and_moves_on_by_itself()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("kept");
        await ward.StartAsync(Config with { Beds = 2 });
        await Tick(ward);
        var before = await ward.GetStatusAsync();
        var patient = fixture.Client.GetGrain<IPatientGrain>("kept/0");
        double patientBefore = (await patient.GetSnapshotAsync()).WardTimeH;
        await Management.ForceActivationCollection(TimeSpan.Zero);

        // Nobody calls the ward from here on: only the fake grain clock moves; the keeper and the ward's own timer do the rest.
        var registry = fixture.Client.GetGrain<IWardRegistryGrain>(IWardRegistryGrain.Key);
        Assert.Contains("kept", await registry.GetRunningAsync());
        double moved = patientBefore;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); moved < patientBefore + 3 && DateTime.UtcNow < deadline;)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await registry.GetRunningAsync();
            await Task.Delay(50);
            moved = (await patient.GetSnapshotAsync()).WardTimeH;
        }

        Assert.True(moved >= patientBefore + 3, $"the ward should have moved its patient on by itself: {patientBefore:0.00} h -> {moved:0.00} h");
        var after = await ward.GetStatusAsync();
        Assert.NotEqual(before.Activation, after.Activation);
        Assert.True(after.SimTimeH > before.SimTimeH);
        await ward.StopAsync();
        Assert.DoesNotContain("kept", await registry.GetRunningAsync());
    }
}
