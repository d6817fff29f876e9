namespace WardTwin.Grains.Tests;

[Collection(WardClusterGroup.Name)]
public sealed class PumpAndMonitorGrainTests(TwoSiloCluster fixture)
{
    private async Task<(IWardGrain Ward, string Admission)> Ward(string name, double monitorHz = 1)
    {
        var ward = fixture.Client.GetGrain<IWardGrain>(name);
        await ward.StartAsync(new WardConfig(1, "erasmus-7d", 3600, 5, MonitorHz: monitorHz));
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        await ward.TickAsync();
        return (ward, (await ward.GetStatusAsync()).BedList[0].AdmissionId!);
    }

    /// <summary>The pump tells the patient one-way (neither waits on the other), so the patient catches up shortly after.</summary>
    private static async Task<PatientSnapshot> Eventually(IPatientGrain patient, Func<PatientSnapshot, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var snapshot = await patient.GetSnapshotAsync();
            if (condition(snapshot))
            {
                return snapshot;
            }

            Assert.True(DateTime.UtcNow < deadline, $"patient {snapshot.AdmissionId} never showed {what}; delivered {snapshot.DeliveredRateMgPerH} mg/h");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_trainee_is_refused_above_the_hard_limit_asked_to_confirm_above_the_soft_limit_and_the_patient_gets_what_the_pump_delivers()
    {
        var (ward, id) = await Ward("trainee");
        var pump = fixture.Client.GetGrain<IInfusionPumpGrain>(id);
        var patient = fixture.Client.GetGrain<IPatientGrain>(id);
        double rateBefore = (await pump.GetViewAsync()).RateMgPerH;

        var hard = await pump.SetRateAsync(20, confirmSoftLimit: true);
        Assert.Equal("refused", hard.Outcome);
        Assert.Contains("hard limit of 14 mg/h", hard.Message, StringComparison.Ordinal);
        Assert.Equal(rateBefore, (await pump.GetViewAsync()).RateMgPerH);

        var soft = await pump.SetRateAsync(13, confirmSoftLimit: false);
        Assert.Equal("needsconfirmation", soft.Outcome);
        Assert.True((await pump.SetRateAsync(13, confirmSoftLimit: true)).Accepted);
        await Eventually(patient, p => p.DeliveredRateMgPerH == 13, "13 mg/h delivered");

        Assert.True((await pump.PauseAsync()).Accepted);
        await Eventually(patient, p => p.DeliveredRateMgPerH == 0, "no delivery while paused");
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await ward.TickAsync();
        Assert.True((await pump.ResumeAsync()).Accepted);
        var resumed = await Eventually(patient, p => p.DeliveredRateMgPerH == 13, "13 mg/h again after resume");
        Assert.Contains(resumed.Log, l => l.Contains("set rate 13 mg/h (confirmed) by hand", StringComparison.Ordinal));
        await ward.StopAsync();
    }

    [Fact]
    public async Task The_monitor_gives_per_minute_means_when_accelerated_and_alarms_can_be_acknowledged()
    {
        var (ward, id) = await Ward("monitor");
        var monitor = fixture.Client.GetGrain<IBedsideMonitorGrain>(id);

        // The patient pushes vitals one-way, so the monitor has them shortly after the tick.
        IReadOnlyList<VitalsReading> recent = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(10); recent.Count == 0 && DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            recent = await monitor.GetRecentAsync(200);
        }

        Assert.NotEmpty(recent);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); await monitor.GetSampleCountAsync() < 3 * 3600 && DateTime.UtcNow < deadline; await Task.Delay(20))
        {
        }

        Assert.All(recent, r => Assert.InRange(r.HrPerMin, 30, 200));
        Assert.True(await monitor.GetSampleCountAsync() >= 3 * 3600, "an hour of 1 Hz samples per simulated hour");
        var alarms = await monitor.GetAlarmsAsync();
        foreach (var alarm in alarms)
        {
            Assert.True(await monitor.AcknowledgeAsync(alarm.Kind));
        }

        Assert.False(await monitor.AcknowledgeAsync("no_such_alarm"));
        Assert.NotNull(await ward.GetStatusAsync());
    }
}
