namespace WardTwin.Grains;

/// <summary>
/// What a patient pushes to its bedside monitor at each of its events: its true vital signs as a curve in
/// ward hours until the next event (fast effect site as steady state plus decaying modes, clonidine and
/// midazolam times, the resting values) and the ward's clock, so the monitor samples on its own schedule.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TruthFeed(
    [property: Id(0)] double FromH,
    [property: Id(1)] double FastSteadyNgPerMl,
    [property: Id(2)] double[] ModeCoefficients,
    [property: Id(3)] double[] ModeRatesPerH,
    [property: Id(4)] double HrPerMin,
    [property: Id(5)] double SbpMmHg,
    [property: Id(6)] double DbpMmHg,
    [property: Id(7)] double Spo2Percent,
    [property: Id(8)] double RrPerMin,
    [property: Id(9)] double ClonidineUntilH,
    [property: Id(10)] double LastMidazolamH,
    [property: Id(11)] bool TreatmentEnded,
    [property: Id(12)] WardClockView Clock,
    [property: Id(13)] VitalsShiftInput? Shift = null,
    [property: Id(14)] double ProbeOffUntilH = double.NegativeInfinity,
    [property: Id(15)] BreathingInput? Breathing = null,
    [property: Id(16)] int Devices = 0);

/// <summary>A scenario's change in vital signs until a ward time.</summary>
[GenerateSerializer, Immutable]
public sealed record VitalsShiftInput(
    [property: Id(0)] double HrPerMin,
    [property: Id(1)] double SbpMmHg,
    [property: Id(2)] double DbpMmHg,
    [property: Id(3)] double Spo2Percent,
    [property: Id(4)] double UntilH,
    [property: Id(5)] double RrPerMin = 0,
    [property: Id(6)] double ExtraAaMmHg = 0,
    [property: Id(7)] double ReferenceFastNgPerMl = 0);
