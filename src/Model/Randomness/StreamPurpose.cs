namespace WardTwin.Model.Randomness;

/// <summary>What a patient's random stream is used for; values never change so runs replay.</summary>
public enum StreamPurpose : ulong
{
    Demographics = 1,
    Variability = 2,
    Response = 3,
    SideEffectThresholds = 4,
    BackgroundSideEffects = 5,
    ReportNoise = 6,
    Vitals = 7,
    Discharge = 8,
    CoMedication = 9,
    Monitor = 10,
}
