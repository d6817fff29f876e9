using System.Text.Json;
using System.Text.Json.Serialization;

namespace WardTwin.Dashboard.Api;

/// <summary>Simulated seconds per wall second: a number from 1e-6 to 1e9, or "max" for as fast as the ward can go.</summary>
[JsonConverter(typeof(TimeScaleJsonConverter))]
public readonly record struct TimeScale(double Factor)
{
    public const double Min = 1e-6;
    public const double Max = 1e9;

    public static TimeScale RealTime => new(1);
}

/// <summary>Reads a number or "max"; anything else is a JSON error naming the field.</summary>
public sealed class TimeScaleJsonConverter : JsonConverter<TimeScale>
{
    public override TimeScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() == "max")
        {
            return new TimeScale(double.PositiveInfinity);
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double factor) && factor is >= TimeScale.Min and <= TimeScale.Max)
        {
            return new TimeScale(factor);
        }

        throw new JsonException($"must be a number from {TimeScale.Min} to {TimeScale.Max} or \"max\"");
    }

    public override void Write(Utf8JsonWriter writer, TimeScale value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsPositiveInfinity(value.Factor))
        {
            writer.WriteStringValue("max");
        }
        else
        {
            writer.WriteNumberValue(value.Factor);
        }
    }
}
