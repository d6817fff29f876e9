namespace WardTwin.Grains;

/// <summary>The pump as its screen shows it: state, rate, delivered, bag left, limits, concentration, volume to be infused (set and left), volume infused.</summary>
[GenerateSerializer, Immutable]
public sealed record PumpView(
    [property: Id(0)] string State,
    [property: Id(1)] double RateMgPerH,
    [property: Id(2)] double DeliveredRateMgPerH,
    [property: Id(3)] double DeliveredMg,
    [property: Id(4)] double RemainingMl,
    [property: Id(5)] bool NearEmpty,
    [property: Id(6)] double HardMaxMgPerH,
    [property: Id(7)] double? SoftMaxMgPerH,
    [property: Id(8)] string Product,
    [property: Id(10)] double? VtbiRemainingMl,
    [property: Id(9)] IReadOnlyList<string> Log,
    [property: Id(11)] long Revision = 0,
    [property: Id(12)] double ConcentrationMgPerMl = 0,
    [property: Id(13)] double? VtbiMl = null,
    [property: Id(14)] double InfusedMl = 0);

/// <summary>The answer to a pump request: accepted, refused (with the reason) or needing confirmation.</summary>
[GenerateSerializer, Immutable]
public sealed record PumpReply(
    [property: Id(0)] string Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] double RateMgPerH,
    [property: Id(3)] double DeliveredRateMgPerH,
    [property: Id(4)] long Revision = 0)
{
    public bool Accepted => Outcome == "accepted";
}
