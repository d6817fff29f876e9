using WardTwin.Model.Pump;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Tests;

public sealed class InfusionPumpTests
{
    private static InfusionPump Pump(double hard = 14, double? soft = 12) => new(new PumpProgramme("S-ketamine", 1, 500, hard, soft, 30));

    [Fact]
    public void A_hard_limit_request_is_refused_with_the_reason_and_changes_nothing()
    {
        var pump = Pump();
        pump.SetRate(0, 6, confirmed: false);
        var r = pump.SetRate(1, 15, confirmed: true);
        Assert.Equal(PumpOutcome.Refused, r.Outcome);
        Assert.Contains("hard limit of 14 mg/h", r.Message, StringComparison.Ordinal);
        Assert.Equal(6, pump.RateMgPerH);
    }

    [Fact]
    public void A_soft_limit_request_needs_a_confirmation()
    {
        var pump = Pump();
        pump.SetRate(0, 6, false);
        var asked = pump.SetRate(1, 13, confirmed: false);
        Assert.Equal(PumpOutcome.NeedsConfirmation, asked.Outcome);
        Assert.Equal(6, pump.RateMgPerH);
        Assert.True(pump.SetRate(1, 13, confirmed: true).Accepted);
        Assert.Equal(13, pump.RateMgPerH);
    }

    [Fact]
    public void Limits_hold_over_many_random_titration_requests()
    {
        // Property: whatever is asked, in whatever order, the pump never runs above its hard limit, never
        // above its soft limit without a confirmation, and its delivered dose is the integral of what it ran.
        for (int trial = 0; trial < 200; trial++)
        {
            var random = new SeededRandom((ulong)trial + 1);
            double hard = 5 + (random.NextDouble() * 50);
            double soft = hard * (0.5 + (random.NextDouble() * 0.5));
            var pump = new InfusionPump(new PumpProgramme("x", 0.5 + random.NextDouble(), 500, hard, soft, 30));
            double t = 0, expectedMg = 0;
            for (int i = 0; i < 100; i++)
            {
                double dt = random.NextDouble() * 2;
                expectedMg += pump.DeliveredRateMgPerH * dt;
                t += dt;
                double ask = (random.NextDouble() * hard * 1.6) - (hard * 0.1);
                bool confirm = random.NextDouble() < 0.5;
                double before = pump.RateMgPerH;
                var r = (random.NextDouble() * 6) switch
                {
                    < 4 => pump.SetRate(t, ask, confirm),
                    < 4.5 => pump.Pause(t),
                    < 5 => pump.Resume(t),
                    < 5.5 => pump.ReplaceBag(t),
                    _ => pump.Occlude(t),
                };
                Assert.True(pump.RateMgPerH <= hard + 1e-9, $"trial {trial}: ran at {pump.RateMgPerH} over hard {hard}");
                if (pump.RateMgPerH > soft + 1e-9 && pump.RateMgPerH != before)
                {
                    Assert.True(confirm, $"trial {trial}: above soft {soft} without confirmation");
                }

                if (r.Outcome == PumpOutcome.Refused)
                {
                    Assert.Equal(before, pump.RateMgPerH);
                }

                if (pump.State == PumpState.Empty || pump.RemainingMl < 500)
                {
                    // a bag that ran dry delivered only what it held
                    expectedMg = pump.DeliveredMg;
                }
            }

            Assert.Equal(expectedMg, pump.DeliveredMg, 6);
        }
    }

    [Fact]
    public void The_bag_warns_near_empty_then_runs_dry_and_delivery_stops()
    {
        var pump = Pump(hard: 100, soft: null);
        pump.SetRate(0, 50, false); // 500 mg bag at 50 mg/h: empty at 10 h, warning at 9.5 h
        Assert.Equal(9.5, pump.NextEventTimeH!.Value, 9);
        pump.AdvanceTo(9.6);
        Assert.Contains(pump.Log, e => e.Kind == PumpEventKind.NearEmpty);
        pump.AdvanceTo(12);
        Assert.Equal(PumpState.Empty, pump.State);
        Assert.Equal(0, pump.DeliveredRateMgPerH);
        Assert.Equal(500, pump.DeliveredMg, 6);
        pump.ReplaceBag(12.5);
        Assert.Equal(PumpState.Running, pump.State);
        pump.AdvanceTo(13.5);
        Assert.Equal(550, pump.DeliveredMg, 6);
    }

    [Fact]
    public void A_paused_or_occluded_pump_delivers_nothing_until_resumed()
    {
        var pump = Pump();
        pump.SetRate(0, 10, false);
        pump.Pause(1);
        pump.AdvanceTo(3);
        Assert.Equal(10, pump.DeliveredMg, 9);
        pump.Resume(3);
        pump.Occlude(4);
        pump.AdvanceTo(6);
        Assert.Equal(20, pump.DeliveredMg, 9);
        Assert.Equal(PumpOutcome.Refused, pump.Pause(6).Outcome);
        pump.Resume(6);
        pump.AdvanceTo(7);
        Assert.Equal(30, pump.DeliveredMg, 9);
    }

    [Fact]
    public void The_pump_stops_when_the_volume_to_be_infused_is_reached()
    {
        var pump = Pump(hard: 100, soft: null);
        pump.SetRate(0, 10, false);          // 1 mg/mL: 10 mL/h
        pump.SetVtbi(1, 25);                 // 25 mL from 1 h: reached at 3.5 h
        Assert.Equal(3.5, pump.NextEventTimeH!.Value, 9);
        pump.AdvanceTo(5);
        Assert.Equal(PumpState.Stopped, pump.State);
        Assert.Equal(35, pump.DeliveredMg, 9);
        Assert.Contains(pump.Log, e => e.Kind == PumpEventKind.VolumeToBeInfused && e.Detail.Contains("reached", StringComparison.Ordinal));
        Assert.Equal(PumpOutcome.Refused, pump.SetVtbi(5, -3).Outcome);
    }
}
