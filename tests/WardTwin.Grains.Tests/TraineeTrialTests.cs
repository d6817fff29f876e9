namespace WardTwin.Grains.Tests;

/// <summary>What a trainee's trial found wrong with the pump and the ward, each now checked (scale 60: a fake second is a minute).</summary>
[Collection(WardClusterGroup.Name)]
public sealed class TraineeTrialTests(TwoSiloCluster fixture)
{
    private static readonly WardConfig Config = new(Beds: 1, ProtocolId: "erasmus-7d", TimeScale: 60, Seed: 5, AutoNurse: false);

    private async Task Minutes(IWardGrain ward, int minutes)
    {
        for (int i = 0; i < minutes; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await ward.TickAsync();
        }
    }

    [Fact]
    public async Task The_pump_keeps_the_wards_time_delivers_nothing_paused_stops_at_its_volume_restarts_by_hand_and_refuses_after_discharge()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("trial");
        await ward.StartAsync(Config);
        string id = (await ward.GetStatusAsync()).BedList[0].AdmissionId!;
        var pump = fixture.Client.GetGrain<IInfusionPumpGrain>(id);
        var patient = fixture.Client.GetGrain<IPatientGrain>(id);

        // 12 minutes at the protocol's 3 mg/h: 0.6 mg, not 0.0.
        await Minutes(ward, 12);
        var view = await pump.GetViewAsync();
        Assert.Equal(3, view.RateMgPerH);
        Assert.InRange(view.DeliveredMg, 0.599, 0.601);

        // A pause is logged at the ward's time, and a paused hour delivers nothing.
        Assert.True((await pump.PauseAsync()).Accepted);
        Assert.StartsWith("0.200 h pause", (await pump.GetViewAsync()).Log[^1], StringComparison.Ordinal);
        await Minutes(ward, 60);
        view = await pump.GetViewAsync();
        Assert.Equal("paused", view.State);
        Assert.InRange(view.DeliveredMg, 0.599, 0.601);
        Assert.Equal(0, (await patient.GetSnapshotAsync()).DeliveredRateMgPerH);
        Assert.True((await pump.ResumeAsync()).Accepted);
        await Minutes(ward, 6);
        Assert.InRange((await pump.GetViewAsync()).DeliveredMg, 0.899, 0.901);

        // A volume to be infused of 0.5 mL at 3 mL/h stops the pump 10 minutes later, not at the next review.
        Assert.True((await pump.SetVtbiAsync(0.5)).Accepted);
        await Minutes(ward, 12);
        view = await pump.GetViewAsync();
        Assert.Equal("stopped", view.State);
        Assert.Contains(view.Log, l => l.StartsWith("1.467 h vtbi: volume to be infused reached", StringComparison.Ordinal));
        Assert.InRange(view.DeliveredMg, 1.399, 1.401);
        Assert.Equal(0, (await patient.GetSnapshotAsync()).DeliveredRateMgPerH);

        // A stopped pump says so when given a rate, and starts again by hand (before the 11:00 review, which would restart it, and say so).
        var refused = await pump.SetRateAsync(4, confirmSoftLimit: false);
        Assert.Equal("refused", refused.Outcome);
        Assert.Contains("stopped", refused.Message, StringComparison.Ordinal);
        Assert.True((await pump.StartAsync()).Accepted);
        Assert.True((await pump.SetRateAsync(4, confirmSoftLimit: false)).Accepted);
        await Minutes(ward, 6);
        Assert.InRange((await pump.GetViewAsync()).DeliveredMg, 1.799, 1.801);
        Assert.Equal(4, (await patient.GetSnapshotAsync()).DeliveredRateMgPerH);

        // Discharged: the pump stops and refuses, midazolam is refused.
        await ward.DischargeAsync(0);
        var afterDischarge = await pump.SetRateAsync(5, confirmSoftLimit: false);
        Assert.Equal("refused", afterDischarge.Outcome);
        Assert.Contains("discharged", afterDischarge.Message, StringComparison.Ordinal);
        var dose = await Assert.ThrowsAsync<InvalidOperationException>(() => patient.GiveMidazolamAsync(2));
        Assert.Contains("discharged", dose.Message, StringComparison.Ordinal);
        Assert.Equal("stopped", (await pump.GetViewAsync()).State);
        Assert.Contains((await patient.GetSnapshotAsync()).Log, l => l.Contains("early discharge: discharged from bed 0 by hand", StringComparison.Ordinal));

        // A started ward can be stopped and started again; its patients get new ids.
        var stopped = await ward.StopAsync();
        Assert.True(stopped.Stopped);
        var again = await ward.StartAsync(Config);
        Assert.Equal("trial/1", again.BedList[0].AdmissionId);
        await ward.StopAsync();
    }

    [Fact]
    public async Task An_unknown_ward_is_not_found_rather_than_an_empty_paused_ward()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("no-such-ward");
        var status = await Assert.ThrowsAsync<KeyNotFoundException>(() => ward.GetStatusAsync());
        Assert.Contains("no-such-ward has not been started", status.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ward.PauseAsync());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ward.GetOccupancyAsync());
    }

    [Fact]
    public async Task A_bed_whose_patient_throws_is_marked_and_retried_while_the_rest_of_the_ward_goes_on()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("faulty");
        await ward.StartAsync(Config with { Beds = 3 });
        await Minutes(ward, 2);
        fixture.Faults.Break("faulty/1", nameof(IPatientGrain.AdvanceToAsync));
        try
        {
            await Minutes(ward, 30);
            var status = await ward.GetStatusAsync();
            Assert.InRange(status.SimTimeH, 0.53, 0.54);
            Assert.Contains("injected fault", status.BedList[1].Fault, StringComparison.Ordinal);
            Assert.Null(status.BedList[0].Fault);
            Assert.InRange((await fixture.Client.GetGrain<IPatientGrain>("faulty/0").GetSnapshotAsync()).HoursSinceAdmission, 0.53, 0.54);
            Assert.InRange((await fixture.Client.GetGrain<IPatientGrain>("faulty/1").GetSnapshotAsync()).HoursSinceAdmission, 0.03, 0.04);
        }
        finally
        {
            fixture.Faults.Mend("faulty/1", nameof(IPatientGrain.AdvanceToAsync));
        }

        await Minutes(ward, 1);
        var mended = await ward.GetStatusAsync();
        Assert.Null(mended.BedList[1].Fault);
        Assert.InRange((await fixture.Client.GetGrain<IPatientGrain>("faulty/1").GetSnapshotAsync()).HoursSinceAdmission, 0.54, 0.56);
        await ward.StopAsync();
    }
}
