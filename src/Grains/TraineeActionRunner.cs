using System.Diagnostics;
using System.Globalization;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>
/// Carries out one trainee action on a bed's grains (pump keys, a decision to hold at a review, midazolam, oxygen, a call to
/// the doctor, discharge, an alarm acknowledged) and says what came of it. The patient's and the ward's refusals (a dose out
/// of range, after discharge) are answers for the record in clinical words, not errors of the session. Any rate above the
/// pump's hard limit is a hard-limit attempt, whatever its size.
/// </summary>
internal sealed class TraineeActionRunner(IGrainFactory grains, IWardGrain ward, int bed, string admissionId, PatientStateNow before)
{
    /// <summary>What came of an action: the outcome and message, the pump's revision after a key, and whether a rate was above the hard limit.</summary>
    public sealed record Result(string Outcome, string Message, long? Revision, bool AboveHardLimit);

    public async Task<Result> RunAsync(TraineeCommand command)
    {
        var patient = grains.GetGrain<IPatientGrain>(admissionId);
        var pump = grains.GetGrain<IInfusionPumpGrain>(admissionId);
        bool aboveHard = false;
        long? revision = null;
        (string outcome, string message) = TraineeActions.Parse(command.Action) switch
        {
            TraineeActionKind.SetRate => await Pump(() =>
            {
                double v = Value(command, "mg/h");
                aboveHard = v > before.HardMaxMgPerH;
                return double.IsPositiveInfinity(v) // too large to write down: the pump would call it no number
                    ? Task.FromResult(new PumpReply("refused", $"that rate is above the hard limit of {F(before.HardMaxMgPerH)} mg/h", before.RateMgPerH, 0))
                    : pump.SetRateAsync(v, command.ConfirmSoftLimit, command.Revision);
            }),
            TraineeActionKind.Hold => before.TreatmentEnded
                ? ("refused", "the patient has been discharged: there is no rate to keep")
                : ("accepted", $"rate kept at {F(before.RateMgPerH)} mg/h ({before.PumpState})"),
            TraineeActionKind.Start => await Pump(pump.StartAsync),
            TraineeActionKind.Pause => await Pump(pump.PauseAsync),
            TraineeActionKind.Resume => await Pump(pump.ResumeAsync),
            TraineeActionKind.Stop => await Pump(pump.StopAsync),
            TraineeActionKind.ReplaceBag => await Pump(pump.ReplaceBagAsync),
            TraineeActionKind.SetVtbi => await Pump(() => pump.SetVtbiAsync(command.Value)),
            TraineeActionKind.Midazolam => await Refusable(() => patient.GiveMidazolamAsync(Value(command, "mg"))),
            TraineeActionKind.Flumazenil => await Refusable(() => patient.GiveAsync(new InterventionInput("flumazenil", Value(command, "mg")))),
            TraineeActionKind.Ondansetron => await Refusable(() => patient.GiveAsync(new InterventionInput("ondansetron", Value(command, "mg")))),
            TraineeActionKind.Oxygen => await Refusable(() => patient.GiveAsync(new InterventionInput("oxygen", Value(command, "L/min")))),
            TraineeActionKind.CallDoctor => ("accepted", $"the doctor is called to bed {bed}"),
            TraineeActionKind.Discharge => await Refusable(() => ward.DischargeAsync(bed - 1)),
            TraineeActionKind.AcknowledgeAlarm => await grains.GetGrain<IBedsideMonitorGrain>(admissionId).AcknowledgeAsync(command.Target ?? throw new ArgumentException("target: which alarm to acknowledge"))
                ? ("accepted", "acknowledged")
                : ("refused", $"no alarm '{AlarmWords.Of(command.Target)}' on this monitor"),
            var other => throw new UnreachableException($"trainee action {other}"),
        };

        return new Result(outcome, message, revision, aboveHard);

        async Task<(string, string)> Pump(Func<Task<PumpReply>> press)
        {
            var reply = await press();
            revision = reply.Revision;
            return (reply.Outcome, reply.Message);
        }
    }

    private static async Task<(string, string)> Refusable(Func<Task> act)
    {
        try
        {
            await act();
            return ("accepted", "ok");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return ("refused", RefusalWords.Of(ex));
        }
    }

    private static double Value(TraineeCommand c, string unit) => c.Value is { } v && !double.IsNaN(v) && v >= 0
        ? v
        : throw new ArgumentException($"value: {c.Action} needs a number of {unit} (0 or more)");

    private static string F(double x) => Model.Training.ActionIntents.Number(x);
}
