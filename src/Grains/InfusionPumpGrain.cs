using Microsoft.Extensions.Logging;
using WardTwin.Model.Pump;

namespace WardTwin.Grains;

/// <summary>A bedside pump around the model's <see cref="InfusionPump"/>; the patient learns what it delivers, never the reverse.</summary>
public sealed class InfusionPumpGrain(ILogger<InfusionPumpGrain> logger) : Grain, IInfusionPumpGrain
{
    private InfusionPump? _pump;
    private string? _patientId;
    private double _admittedAtH;
    private int _logged;

    private InfusionPump Pump => _pump ?? throw new InvalidOperationException($"pump {this.GetPrimaryKeyString()} has not been programmed (no patient admitted)");

    private double WardTimeH => _admittedAtH + Pump.TimeH;

    public Task ProgramAsync(string patientId, PumpSettings settings, double wardTimeH)
    {
        _patientId = patientId;
        _admittedAtH = wardTimeH;
        _pump = new InfusionPump(new PumpProgramme(settings.Product, settings.ConcentrationMgPerMl, settings.BagVolumeMl, settings.HardMaxMgPerH, settings.SoftMaxMgPerH, settings.NearEmptyMinutes));
        return Task.CompletedTask;
    }

    public Task<PumpReply> CommandAsync(double wardTimeH, double rateMgPerH, bool stopInfusion)
    {
        double t = Local(wardTimeH);
        PumpResult result;
        if (stopInfusion)
        {
            result = Pump.State == PumpState.Stopped ? new PumpResult(PumpOutcome.Accepted, "already stopped", Pump.RateMgPerH) : Pump.Stop(t);
        }
        else
        {
            if (Pump.State == PumpState.Stopped)
            {
                Pump.Start(t);
            }

            result = Pump.SetRate(t, rateMgPerH, confirmed: true);
        }

        return Task.FromResult(Reply(result));
    }

    public Task<PumpReply> AdvanceToAsync(double wardTimeH, bool autoNurse)
    {
        Pump.AdvanceTo(Local(wardTimeH));
        if (autoNurse && (Pump.NearEmpty || Pump.State == PumpState.Empty))
        {
            Pump.ReplaceBag(Pump.TimeH);
        }

        return Task.FromResult(Reply(new PumpResult(PumpOutcome.Accepted, "ok", Pump.RateMgPerH)));
    }

    public Task<PumpReply> SetRateAsync(double rateMgPerH, bool confirmSoftLimit) =>
        ByHand(Pump.SetRate(Pump.TimeH, rateMgPerH, confirmSoftLimit), manualRate: true);

    public Task<PumpReply> PauseAsync() => ByHand(Pump.Pause(Pump.TimeH));

    public Task<PumpReply> ResumeAsync() => ByHand(Pump.Resume(Pump.TimeH));

    public Task<PumpReply> StopAsync() => ByHand(Pump.Stop(Pump.TimeH));

    public Task<PumpReply> ReplaceBagAsync() => ByHand(Pump.ReplaceBag(Pump.TimeH));

    public Task<PumpReply> OccludeAsync() => ByHand(Pump.Occlude(Pump.TimeH));

    public Task<PumpReply> SetVtbiAsync(double? vtbiMl) => ByHand(Pump.SetVtbi(Pump.TimeH, vtbiMl));

    public Task<PumpView> GetViewAsync()
    {
        var p = Pump;
        return Task.FromResult(new PumpView(
            p.State.ToString().ToLowerInvariant(), p.RateMgPerH, p.DeliveredRateMgPerH, p.DeliveredMg, p.RemainingMl, p.NearEmpty,
            p.Programme.HardMaxMgPerH, p.Programme.SoftMaxMgPerH, p.Programme.Product, p.VtbiMl is { } v ? v - p.InfusedSinceVtbiMl : null,
            p.Log.TakeLast(50).Select(e => $"{_admittedAtH + e.TimeH:0.000} h {e.Kind}: {e.Detail}").ToArray()));
    }

    /// <summary>A hand on the pump: on success the patient hears of the new delivery (one-way, so neither waits on the other).</summary>
    private Task<PumpReply> ByHand(PumpResult result, bool manualRate = false)
    {
        if (result.Accepted && _patientId is not null)
        {
            GrainFactory.GetGrain<IPatientGrain>(_patientId)
                .PumpDeliveryChangedAsync(WardTimeH, Pump.DeliveredRateMgPerH, manualRate ? Pump.RateMgPerH : null)
                .Ignore();
        }

        return Task.FromResult(Reply(result));
    }

    private double Local(double wardTimeH) => Math.Max(wardTimeH - _admittedAtH, Pump.TimeH);

    private PumpReply Reply(PumpResult r)
    {
        for (; _logged < Pump.Log.Count; _logged++)
        {
            var e = Pump.Log[_logged];
            Log.PumpEvent(logger, this.GetPrimaryKeyString(), e.Kind, e.Detail);
        }

        double? next = Pump.NextEventTimeH is { } n ? _admittedAtH + n : null;
        return new PumpReply(r.Outcome.ToString().ToLowerInvariant(), r.Message, Pump.RateMgPerH, Pump.DeliveredRateMgPerH, next);
    }
}
