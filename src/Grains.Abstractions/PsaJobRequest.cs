namespace WardTwin.Grains;

/// <summary>
/// A probabilistic sensitivity analysis to run: each protocol as a cohort request (its Patients the patients per
/// draw, its parameter file the base the draws vary), the price list as text, the cost rules, draws and the week.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PsaJobRequest(
    [property: Id(0)] CohortRequest[] Protocols,
    [property: Id(1)] string PricesJson,
    [property: Id(2)] string Perspective,
    [property: Id(3)] string PriceBasis,
    [property: Id(4)] int Draws,
    [property: Id(5)] int Week);
