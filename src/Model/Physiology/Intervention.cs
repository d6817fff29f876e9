using System.Globalization;
using WardTwin.Model.Parameters;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Physiology;

/// <summary>A drug given by hand or the oxygen set, with its amount in the kind's unit (mg; L/min for oxygen).</summary>
public sealed record Intervention(InterventionKind Kind, double Amount)
{
    public string Unit => Kind == InterventionKind.Oxygen ? "L/min" : "mg";

    public string Describe() => Kind == InterventionKind.Oxygen && Amount == 0
        ? "oxygen off"
        : $"{Kind.ToString().ToLowerInvariant()} {Amount.ToString("0.##", CultureInfo.InvariantCulture)} {Unit}";

    /// <summary>Why the amount cannot be given (outside the parameter file's dose range), or null. Midazolam's timing limits are checked apart.</summary>
    public string? AmountRefusal(ModelParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ph = p.Physiology;
        (double min, double max, bool zeroAllowed) = Kind switch
        {
            InterventionKind.Midazolam => (0, p.SideEffects.MidazolamMaxDoseMg, false),
            InterventionKind.Flumazenil => (0, ph.Flumazenil.MaxDoseMg, false),
            InterventionKind.Ondansetron => (0, ph.Ondansetron.MaxDoseMg, false),
            _ => (0, ph.Breathing.OxygenMaxLPerMin, true),
        };
        bool ok = double.IsFinite(Amount) && Amount <= max && (Amount > min || (zeroAllowed && Amount == min));
        return ok ? null : Kind == InterventionKind.Midazolam
            ? MidazolamByHand.DoseRefusal(Amount, p.SideEffects)
            : $"value: {Kind.ToString().ToLowerInvariant()} of {Amount} {Unit} is outside {(zeroAllowed ? "0" : "more than 0")}-{max} {Unit}";
    }
}
