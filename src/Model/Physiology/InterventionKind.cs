namespace WardTwin.Model.Physiology;

/// <summary>What a nurse can give at the bed beyond the pump: drugs by i.v. bolus (mg) and nasal oxygen (L/min, 0 = off).</summary>
public enum InterventionKind
{
    Midazolam,
    Flumazenil,
    Ondansetron,
    Oxygen,
}
