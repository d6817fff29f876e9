using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Grains;

/// <summary>
/// A patient: the model's admission walk (PK/PD, pain, side effects, the protocol's care plan) on the
/// ward's clock. Each rate the care plan calls for goes to the pump grain, and the patient's exposure is
/// only what the pump answers it delivers; pump events (near-empty bag, empty bag, a trainee's hand)
/// change exposure at their own times.
/// </summary>
public sealed class PatientGrain(ModelCatalog catalog, WardTwinMetrics metrics) : Grain, IPatientGrain
{
    private const int HistoryCapacity = 240;
    private readonly List<PatientHistoryPoint> _history = new(16);
    private double _historyStepH = 0.25;
    private int _logSeen;
    private Admission? _walk;
    private PatientAdmission? _admission;
    private double? _pumpNextWardH;
    private double _lastPushH;

    private Admission Walk => _walk ?? throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} is not admitted");

    private IInfusionPumpGrain PumpGrain => GrainFactory.GetGrain<IInfusionPumpGrain>(this.GetPrimaryKeyString());

    private IBedsideMonitorGrain Monitor => GrainFactory.GetGrain<IBedsideMonitorGrain>(this.GetPrimaryKeyString());

    public async Task AdmitAsync(PatientAdmission admission)
    {
        if (_walk is not null)
        {
            throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} is already admitted");
        }

        var (plan, sampler) = DataErrors.Translate(() => catalog.WardPlan(admission.ProtocolId));
        var patient = sampler.Sample(admission.Seed, admission.PatientIndex);
        _walk = new Admission(plan, patient, recordEvents: true, externalPump: true);
        _admission = admission;
        _lastPushH = admission.AdmittedAtH;
        var p = _walk.Programme;
        await PumpGrain.ProgramAsync(this.GetPrimaryKeyString(), new PumpSettings(p.Product, p.ConcentrationMgPerMl, p.BagVolumeMl, p.HardMaxMgPerH, p.SoftMaxMgPerH, p.NearEmptyMinutes), admission.AdmittedAtH);
        await Monitor.ConfigureAsync(this.GetPrimaryKeyString(), patient.Vitals.HrPerMin, admission.MonitorHz, admission.Seed ^ ((long)admission.PatientIndex << 20));
    }

    public async Task<PatientTick> AdvanceToAsync(double wardTimeH)
    {
        var a = _admission ?? throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} is not admitted");
        double target = wardTimeH - a.AdmittedAtH;
        while (true)
        {
            if (Walk.PendingPumpCommand is { } command)
            {
                var reply = await PumpGrain.CommandAsync(a.AdmittedAtH + Walk.TimeH, command.RateMgPerH, command.Kind == PumpCommandKind.Stop);
                Walk.SetDeliveredRate(Walk.TimeH, reply.DeliveredRateMgPerH);
                _pumpNextWardH = reply.NextEventWardTimeH;
                continue;
            }

            double? walkNext = Walk.NextEventTimeH;
            if (_pumpNextWardH is { } pumpAt && pumpAt - a.AdmittedAtH <= target && (walkNext is null || pumpAt - a.AdmittedAtH < walkNext))
            {
                Walk.AdvanceTo(pumpAt - a.AdmittedAtH);
                var reply = await PumpGrain.AdvanceToAsync(pumpAt, a.AutoNurse);
                Walk.SetDeliveredRate(pumpAt - a.AdmittedAtH, reply.DeliveredRateMgPerH);
                _pumpNextWardH = reply.NextEventWardTimeH;
                continue;
            }

            if (walkNext is { } next && next <= target)
            {
                Walk.ProcessNext();
                continue;
            }

            break;
        }

        Walk.AdvanceTo(Math.Max(target, Walk.TimeH));
        CountTitrations();
        Remember(wardTimeH);
        metrics.InfusionRate.Record(Walk.DeliveredRateMgPerH, new KeyValuePair<string, object?>("protocol", a.ProtocolId));
        var vitals = Reading(wardTimeH, Walk.ExpectedVitals());
        if (wardTimeH > _lastPushH)
        {
            Monitor.ObserveAsync(_lastPushH, wardTimeH, vitals).Ignore();
            _lastPushH = wardTimeH;
        }

        return new PatientTick(Walk.TreatmentEnded, Walk.LastReportedNrs, Walk.DeliveredRateMgPerH, vitals, Walk.TimeH);
    }

    public Task<PatientSnapshot> GetSnapshotAsync()
    {
        var a = _admission ?? throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} is not admitted");
        var c = Walk.ConcentrationsNow;
        return Task.FromResult(new PatientSnapshot(
            this.GetPrimaryKeyString(), a.ProtocolId, a.AdmittedAtH + Walk.TimeH, Walk.TimeH,
            c.SKetamineNgPerMl, c.RKetamineNgPerMl, c.SNorketamineNgPerMl, c.RNorketamineNgPerMl, c.SlowEffectNgPerMl, c.FastEffectNgPerMl,
            Walk.DeliveredRateMgPerH, Walk.ProtocolRate, Walk.LastReportedNrs, Walk.TreatmentEnded,
            Walk.Log.Select(e => $"{a.AdmittedAtH + e.TimeH:0.000} h {e.Kind}: {e.Detail}").ToArray(),
            Walk.CurrentSideEffects().ToDictionary(p => p.Key, p => p.Value.ToString().ToLowerInvariant(), StringComparer.Ordinal)));
    }

    public Task GiveMidazolamAsync(double doseMg)
    {
        double max = catalog.Parameters.SideEffects.MidazolamMaxDoseMg;
        if (doseMg <= 0 || doseMg > max || !double.IsFinite(doseMg))
        {
            throw new ArgumentOutOfRangeException(nameof(doseMg), $"doseMg: a midazolam dose of {doseMg} mg is outside 0-{max} mg");
        }

        Walk.GiveMidazolam(Walk.TimeH, doseMg);
        return Task.CompletedTask;
    }

    public Task PumpDeliveryChangedAsync(double wardTimeH, double deliveredMgPerH, double? manualRateMgPerH)
    {
        var a = _admission!;
        double t = Math.Max(wardTimeH - a.AdmittedAtH, Walk.TimeH);
        Walk.AdvanceTo(t);
        Walk.SetDeliveredRate(t, deliveredMgPerH);
        if (manualRateMgPerH is { } rate)
        {
            Walk.NoteManualRate(t, rate);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PatientHistoryPoint>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<PatientHistoryPoint>>(_history.ToArray());

    /// <summary>Keeps a point per step; when full, drops every other point and doubles the step, so memory stays flat.</summary>
    private void Remember(double wardTimeH)
    {
        if (_history.Count > 0 && wardTimeH - _history[^1].WardTimeH < _historyStepH)
        {
            return;
        }

        var c = Walk.ConcentrationsNow;
        _history.Add(new PatientHistoryPoint(wardTimeH, (float)Walk.DeliveredRateMgPerH, (float)c.SKetamineNgPerMl, (float)c.RKetamineNgPerMl,
            (float)(c.SNorketamineNgPerMl + c.RNorketamineNgPerMl), (float)c.SlowEffectNgPerMl, (float)c.FastEffectNgPerMl, Walk.LastReportedNrs,
            (byte)Walk.CurrentSideEffects().Values.Max()));
        if (_history.Count >= HistoryCapacity)
        {
            for (int i = _history.Count - 1; i > 0; i -= 2)
            {
                _history.RemoveAt(i - 1);
            }

            _historyStepH *= 2;
        }
    }

    private void CountTitrations()
    {
        var log = Walk.Log;
        for (; _logSeen < log.Count; _logSeen++)
        {
            if (log[_logSeen].Kind == "titration")
            {
                string detail = log[_logSeen].Detail;
                metrics.TitrationEvents.Add(1, new KeyValuePair<string, object?>("action", detail[..detail.IndexOf(' ', StringComparison.Ordinal)]));
            }
        }
    }

    private static VitalsReading Reading(double wardTimeH, VitalSigns v) =>
        new(wardTimeH, v.HrPerMin, v.SbpMmHg, v.DbpMmHg, v.Spo2Percent, v.RrPerMin, null);
}
