namespace WardTwin.Grains;

/// <summary>
/// Answers a capacity question for one protocol (the discrete-event simulation of its beds or chairs, a fraction of a
/// second), on whichever silo is free. The question and the result travel as capacity.json's text.
/// </summary>
public interface ICapacityGrain : IGrainWithIntegerKey
{
    Task<string> RunAsync(CohortRequest protocol, string questionJson);
}
