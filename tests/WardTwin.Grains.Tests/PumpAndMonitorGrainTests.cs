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
        var unseen = await pump.SetRateAsync(13, confirmSoftLimit: true); // a confirmation that names no revision is asked again
        Assert.Equal("needsconfirmation", unseen.Outcome);
        Assert.Contains("a confirmation carries the revision", unseen.Message, StringComparison.Ordinal);
        Assert.True((await pump.SetRateAsync(13, confirmSoftLimit: true, unseen.Revision)).Accepted);
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
    public async Task The_monitor_samples_on_its_own_real_time_schedule_stops_when_paused_and_alarms_can_be_acknowledged()
    {
        var (ward, id) = await Ward("monitor");
        var monitor = fixture.Client.GetGrain<IBedsideMonitorGrain>(id);
        var hub = fixture.Client.GetGrain<IWardTelemetryGrain>("monitor");
        var received = new TelemetryInbox();
        var observer = fixture.Client.CreateObjectReference<ITelemetryObserver>(received);
        await hub.SubscribeAsync(observer);

        // The patient pushes its truth curve one-way at the tick; then the monitor's own 1 Hz timer samples,
        // whatever the ward's tick does: five seconds of (fake) real time, five readings an hour of ward time apart.
        long before = await monitor.GetSampleCountAsync();
        for (int s = 0; s < 5; s++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            long expected = before + s + 1;
            await Until(async () => await monitor.GetSampleCountAsync() >= expected, $"reading {expected}");
        }

        var recent = await monitor.GetRecentAsync(5);
        Assert.Equal(5, recent.Count);
        Assert.All(recent.Zip(recent.Skip(1)), p => Assert.Equal(1.0, p.Second.SimTimeH - p.First.SimTimeH, 3)); // 1 s at 3600x
        Assert.All(recent, r => Assert.InRange(r.HrPerMin, 30, 200));

        // The same readings reach a subscriber through the ward's hub, in sequence, stamped with their sample instant.
        await Until(() => Task.FromResult(received.Readings.Count >= 5), "five readings pushed to the subscriber");
        // Batches are one-way messages and two may overtake each other on the way, so a subscriber orders by sequence.
        var pushed = received.Readings.OrderBy(r => r.Sequence).TakeLast(5).ToArray();
        Assert.Equal(recent.Select(r => Math.Round(r.SimTimeH, 6)), pushed.Select(r => Math.Round(r.SimTimeH, 6)));
        Assert.All(pushed.Zip(pushed.Skip(1)), p => Assert.Equal(p.First.Sequence + 1, p.Second.Sequence));
        Assert.All(pushed.Zip(pushed.Skip(1)), p => Assert.Equal(1000, p.Second.SampledUnixMs - p.First.SampledUnixMs));

        // Paused for three seconds, then one more after resuming: exactly one new reading, so none while paused.
        await ward.PauseAsync();
        long paused = await monitor.GetSampleCountAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        await ward.ResumeAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Until(async () => await monitor.GetSampleCountAsync() >= paused + 1, "a reading after resuming");
        Assert.Equal(paused + 1, await monitor.GetSampleCountAsync());

        foreach (var alarm in await monitor.GetAlarmsAsync())
        {
            Assert.True(await monitor.AcknowledgeAsync(alarm.Kind));
        }

        Assert.False(await monitor.AcknowledgeAsync("no_such_alarm"));
        await hub.UnsubscribeAsync(observer);
        await ward.StopAsync();
    }

    [Fact]
    public async Task A_monitor_that_was_deactivated_comes_back_asks_its_patient_and_samples_on_from_its_count()
    {
        var (ward, id) = await Ward("monitor-back");
        var monitor = fixture.Client.GetGrain<IBedsideMonitorGrain>(id);
        for (int s = 1; s <= 3; s++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Until(async () => await monitor.GetSampleCountAsync() >= s, $"reading {s}");
        }

        long before = await monitor.GetSampleCountAsync();
        await monitor.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();

        // The new activation reads its stored count and noise stream, asks the patient for its curve and clock,
        // re-arms its own timer and goes on: one more second, one more reading, numbered after the last.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Until(async () =>
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            return await monitor.GetSampleCountAsync() > before;
        }, "a reading after the monitor came back");
        Assert.True(await monitor.GetSampleCountAsync() > before);
        await ward.StopAsync();
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"never saw {what}");
            await Task.Delay(20);
        }
    }

    private sealed class TelemetryInbox : ITelemetryObserver
    {
        private readonly List<MonitorReading> _readings = [];

        public IReadOnlyList<MonitorReading> Readings
        {
            get
            {
                lock (_readings)
                {
                    return [.. _readings];
                }
            }
        }

        public Task OnBatch(TelemetryBatch batch)
        {
            lock (_readings)
            {
                _readings.AddRange(batch.Readings);
            }

            return Task.CompletedTask;
        }
    }
}
